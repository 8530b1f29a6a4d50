package org.ipoutlet.document;

import java.time.LocalDate;
import java.util.List;

/**
 * The filled 备案表 as it is printed (README: "The 备案表 document"): the annex's cover and its sections
 * 一–八, with codes already turned into their Chinese labels. Values that are not (yet) given are null.
 */
record FilingForm(Cover cover, BasicInfo basic, String workFoundation, List<TeamMember> team,
		String developmentPlan, List<TypicalCase> cases, Opinion applicant, Opinion recommender, Opinion cnipa) {

	public FilingForm {
		team = team == null ? List.of() : List.copyOf(team);
		cases = cases == null ? List.of() : List.copyOf(cases);
	}

	/** 封面: 编号 (the application number), 备案机构, 推荐部门, 填报日期. */
	public record Cover(String applicationNo, String orgName, String recommenderName, LocalDate submittedOn) {
	}

	/** 一、机构基本情况. */
	public record BasicInfo(String orgName, String orgCategory, String orgNature, String address, String platformName,
			String platformUrl, String headName, String headTitle, String contactName, String contactTitle, String phone,
			String email, Integer staffTotal, Integer staffFullTime, Integer staffPartTime, String serviceTargets,
			List<String> serviceItems) {

		public BasicInfo {
			serviceItems = serviceItems == null ? List.of() : List.copyOf(serviceItems);
		}
	}

	/** 三、服务团队人员情况: one person. */
	public record TeamMember(String name, String role, Boolean fullTime, String resume) {
	}

	/** 五、典型案例: one case. */
	public record TypicalCase(String name, String period, String content) {
	}

	/**
	 * 六、七、八: an opinion with its decision (e.g. 准予备案), its text, 经办人, 负责人 and the date; all null while
	 * the step has not been taken.
	 */
	public record Opinion(String decision, String text, String handler, String head, LocalDate date) {

		public static final Opinion NONE = new Opinion(null, null, null, null, null);

		public boolean given() {
			return decision != null || text != null;
		}
	}

}
