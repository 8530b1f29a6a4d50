package org.ipoutlet.filing.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The 备案表 as the API documents it (OpenAPI only: requests are read as plain JSON and judged by
 * the start form's submission rules, see {@link FilingRequest}).
 */
@Schema(name = "FilingApplication", description = "备案表: property names are the contract's process variables")
record FilingApplicationDoc(
		@Schema(description = "机构名称, at most 100 characters") String orgName,
		@Schema(description = "统一社会信用代码 (GB 32100-2015, 18 characters with check character)") String uscc,
		@Schema(description = "机构类别", allowableValues = { "UNIVERSITY", "RESEARCH_INSTITUTE", "STI_INSTITUTION",
				"INDUSTRY_ORGANIZATION", "PRODUCTIVITY_CENTER", "PUBLIC_LIBRARY", "MUSEUM", "SERVICE_INSTITUTION" }) String orgCategory,
		@Schema(description = "机构性质") String orgNature,
		@Schema(description = "是否独立法人单位") Boolean independentLegalEntity,
		@Schema(description = "地址") String address,
		@Schema(description = "线上服务平台名称 (optional)") String platformName,
		@Schema(description = "线上服务平台网址 (optional, http(s))") String platformUrl,
		@Schema(description = "主要负责人") String headName,
		@Schema(description = "主要负责人职务") String headTitle,
		@Schema(description = "联系人") String contactName,
		@Schema(description = "联系人职务") String contactTitle,
		@Schema(description = "联系电话: mobile or landline with area code") String phone,
		@Schema(description = "邮箱") String email,
		@Schema(description = "总人数 = staffFullTime + staffPartTime") Integer staffTotal,
		@Schema(description = "专职人员数量") Integer staffFullTime,
		@Schema(description = "兼职人员数量") Integer staffPartTime,
		@Schema(description = "服务对象") String serviceTargets,
		@Schema(description = "服务事项清单: CONSULTATION, SEARCH, TRAINING, INDUSTRY_ANALYSIS, SME_SERVICES, DATABASE_TOOLS") List<String> serviceItems,
		@Schema(description = "知识产权类别: PATENT, TRADEMARK, GEOGRAPHICAL_INDICATION") List<String> ipCategories,
		@Schema(description = "服务事项清单, itemised (Art. 8), 1 to 50: every code of serviceItems has an item and every item's serviceCode is in serviceItems; its ipCategory is one of ipCategories") List<ServiceItemEntry> serviceItemList,
		@Schema(description = "所在省份 (GB/T 2260 code, e.g. 310000)") String province,
		@Schema(description = "推荐部门 id (e.g. 310000, moe, cas)") String recommenderId,
		@Schema(description = "工作基础和优势特点") String workFoundation,
		@Schema(description = "服务团队人员, 1 to 200: the head and every full-time member") List<TeamMember> teamMembers,
		@Schema(description = "未来发展思路和支持措施") String developmentPlan,
		@Schema(description = "典型案例, 1 or 2") List<TypicalCase> typicalCases,
		@Schema(description = "材料真实性承诺: must be true") Boolean declarationTruthful,
		@Schema(description = "申请备案机构意见 (section 六; the 经办人 is the submitting user, recorded by the application)") String applicantOpinion,
		@Schema(description = "负责人") String applicantHead,
		@Schema(description = "相关工作制度 (JSON submission only): PDF/DOC/DOCX, at most 10 MB") Document workRules,
		@Schema(description = "盖章备案表扫描件 (JSON submission only, optional): PDF/JPG/PNG, at most 10 MB") Document sealedForm) {

	@Schema(description = "服务团队人员 (section 三): the head (same name as headName) and at least staffFullTime members with fullTime = true")
	record TeamMember(String name, String role, Boolean fullTime, String resume) {
	}

	@Schema(description = "One item of the 服务事项清单")
	record ServiceItemEntry(@Schema(description = "服务事项名称, at most 100 characters") String name,
			@Schema(description = "服务内容, at most 500 characters") String description,
			@Schema(description = "知识产权类别", allowableValues = { "PATENT", "TRADEMARK", "GEOGRAPHICAL_INDICATION" }) String ipCategory,
			@Schema(description = "所属服务类别 (Art. 12/13)", allowableValues = { "CONSULTATION", "SEARCH", "TRAINING",
					"INDUSTRY_ANALYSIS", "SME_SERVICES", "DATABASE_TOOLS" }) String serviceCode,
			@Schema(description = "收费方式 (Art. 5(二): 免费或低成本)", allowableValues = { "FREE", "LOW_COST" }) String cost) {
	}

	record TypicalCase(String name, String period, String content) {
	}

	record Document(String filename, @Schema(format = "byte") String contentBase64) {
	}

}
