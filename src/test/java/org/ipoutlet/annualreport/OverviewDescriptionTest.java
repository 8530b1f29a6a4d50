package org.ipoutlet.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ipoutlet.annualreport.AnnualReports.OutletLine;
import org.ipoutlet.annualreport.AnnualReports.Overview;
import org.ipoutlet.annualreport.AnnualSummaries.Status;
import org.ipoutlet.validation.SubmissionRule;
import org.junit.jupiter.api.Test;

/**
 * The aggregation task's list of outlets (README "annual-report"): the outlets that need the office's
 * attention first, and never longer than the engine stores in a variable, however many outlets a
 * province has (the benchmark's 1,000-outlet year failed on a 5,287-character list).
 */
class OverviewDescriptionTest {

	@Test
	void everyOutletIsListed_thoseThatNeedAttentionFirst() {
		Overview overview = new Overview("320000", 2026, List.of(line(1, Status.COMPLIANT), line(2, Status.NON_COMPLIANT),
				line(3, null), line(4, Status.SUBMITTED)));

		assertThat(overview.describe(SubmissionRule.ENGINE_TEXT_MAX).lines().toList()).containsExactly(
				"- WD-2026-0002 网点2：审核不通过", "- WD-2026-0003 网点3：未报送", "- WD-2026-0004 网点4：已报送待审核",
				"- WD-2026-0001 网点1：审核通过");
	}

	@Test
	void aProvinceWithHundredsOfOutletsStaysWithinTheEnginesLimit_andCountsThoseLeftOut() {
		List<OutletLine> lines = new ArrayList<>();
		for (int i = 1; i <= 300; i++) {
			lines.add(line(i, i % 50 == 0 ? Status.NON_COMPLIANT : Status.COMPLIANT));
		}
		String text = new Overview("320000", 2026, lines).describe(SubmissionRule.ENGINE_TEXT_MAX);

		assertThat(text.length()).isLessThanOrEqualTo(SubmissionRule.ENGINE_TEXT_MAX);
		List<String> shown = text.lines().filter(l -> l.startsWith("- ")).toList();
		// The six non-compliant ones are never the ones left out.
		assertThat(shown.subList(0, 6)).allSatisfy(l -> assertThat(l).endsWith("审核不通过"));
		assertThat(text.lines().reduce((a, b) -> b).orElseThrow())
			.isEqualTo("……另有 " + (300 - shown.size()) + " 家网点未逐一列出（清单超过字数上限），均已计入上方各项数量");
	}

	private static OutletLine line(int n, Status status) {
		return new OutletLine(String.format("WD-2026-%04d", n), "网点" + n, "320000", "320000", status);
	}

}
