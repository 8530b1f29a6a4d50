package org.ipoutlet.register.web;

import java.time.LocalDate;
import java.util.List;

import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.Labels;
import org.ipoutlet.register.PublicityQuery.Candidate;
import org.ipoutlet.register.web.OutletView.Coded;

import io.swagger.v3.oas.annotations.media.Schema;

/** An application under publicity as the public sees it (Art. 7(三)): no personal data, no USCC. */
@Schema(description = "公示中的备案申请 / an application under publicity")
public record PublicityView(@Schema(description = "申请号, e.g. SQ-2026-000001") String applicationNo,
		@Schema(description = "机构名称") String orgName, String orgCategory, String orgCategoryLabel,
		@Schema(description = "GB/T 2260 code") String province, String provinceName, String recommenderId,
		String recommenderName, List<Coded> serviceItems,
		@Schema(description = "First day of publicity (ISO date, Asia/Shanghai)") LocalDate publicityStart,
		@Schema(description = "Last day of publicity, inclusive; objections are accepted until its end") LocalDate publicityEnd,
		@Schema(description = "UPCOMING (approved, publicity starts later) or RUNNING") String phase,
		@Schema(description = "待公示 or 公示中") String phaseLabel) {

	static PublicityView of(Candidate c, Recommenders recommenders, LocalDate today) {
		boolean upcoming = today.isBefore(c.publicityStart());
		return new PublicityView(c.applicationNo(), c.orgName(), c.orgCategory(), Labels.orgCategory(c.orgCategory()),
				c.province(), c.province() == null ? null : recommenders.provinces().getOrDefault(c.province(), c.province()),
				c.recommenderId(),
				recommenders.find(c.recommenderId()).map(Recommenders.Recommender::name).orElse(c.recommenderId()),
				c.serviceItems().stream().map(code -> new Coded(code, Labels.serviceItem(code))).toList(),
				c.publicityStart(), c.publicityEnd(), upcoming ? "UPCOMING" : "RUNNING", upcoming ? "待公示" : "公示中");
	}

}
