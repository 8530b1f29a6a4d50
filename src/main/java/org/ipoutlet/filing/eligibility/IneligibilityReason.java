package org.ipoutlet.filing.eligibility;

/** Why an institution may not be filed, with the article that says so. */
public enum IneligibilityReason {

	NOT_INDEPENDENT_LEGAL_ENTITY("第五条（一）", "申请机构不是独立法人单位"),
	INSUFFICIENT_FULL_TIME_STAFF("第五条（一）", "专职人员少于5名"),
	NO_IP_CATEGORY("第五条（二）", "未选择服务的知识产权类别"),
	MISSING_BASIC_SERVICES("第十二条", "服务事项未涵盖全部基础服务（咨询、查询检索、宣传培训）"),
	NOT_PROVINCIAL_OUTLET("第七条（一）", "经省级知识产权局推荐的机构须为省级知识产权信息公共服务网点"),
	BANNED("第十八条", "机构因提供虚假材料或违规经营被撤销备案，三年内不得再提交备案申请"),
	EXEMPT_INSTITUTION("第十九条", "机构已纳入知识产权公共服务体系，无需备案"),
	ALREADY_FILED("第九条", "机构已备案且仍在有效期内"),
	APPLICATION_PENDING("第七条", "机构已有正在办理的备案申请");

	private final String article;
	private final String label;

	IneligibilityReason(String article, String label) {
		this.article = article;
		this.label = label;
	}

	public String article() {
		return article;
	}

	public String label() {
		return label;
	}

}
