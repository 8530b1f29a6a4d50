package org.ipoutlet.annualreport.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ipoutlet.annualreport.web.NationalOverviewView.FigureView;
import org.ipoutlet.annualreport.web.NationalOverviewView.Province;

/**
 * The national overview as CSV for Excel (README, "The national overview"): UTF-8 with a byte-order
 * mark (so Excel reads the Chinese correctly), CRLF line ends, RFC 4180 quoting by Apache Commons
 * CSV; one row per provincial office, the outlets behind each figure in its own column.
 */
final class OverviewCsv {

	static final String BOM = "\uFEFF";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private static final List<String> HEADER = List.of("报告年度", "总结年度", "省级知识产权局代码", "省级知识产权局", "汇总状态",
			"报送人", "报送时间", "网点数", "已报送", "审核通过", "审核不通过", "已报送待审核", "未报送", "审核通过的网点", "审核不通过的网点",
			"待审核的网点", "未报送的网点", "汇总意见", "确认人", "确认时间", "确认意见");

	private OverviewCsv() {
	}

	static byte[] write(NationalOverviewView overview) {
		StringBuilder out = new StringBuilder(BOM);
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
			csv.printRecord(HEADER);
			for (Province p : overview.provinces()) {
				csv.printRecord(overview.reportYear(), overview.summaryYear(), p.officeId(), p.officeName(),
						p.aggregateStateLabel(), nz(p.submittedBy()), time(p.submittedAt()), p.outletCount(),
						p.figures().submitted().count(), p.figures().compliant().count(),
						p.figures().nonCompliant().count(), p.figures().pendingReview().count(),
						p.figures().missing().count(), outlets(p.figures().compliant()),
						outlets(p.figures().nonCompliant()), outlets(p.figures().pendingReview()),
						outlets(p.figures().missing()), nz(p.remarks()), nz(p.acknowledgedBy()),
						time(p.acknowledgedAt()), nz(p.acknowledgeRemarks()));
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** "备案号 名称（推荐部门）" per outlet, separated by "；". */
	private static String outlets(FigureView figure) {
		return figure.outlets()
			.stream()
			.map(o -> o.filingNo() + " " + o.orgName() + "（" + o.recommenderName() + "）")
			.collect(Collectors.joining("；"));
	}

	private static String time(Instant at) {
		return at == null ? "" : TIME.format(at);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

}
