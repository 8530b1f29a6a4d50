package org.ipoutlet.filing;

/** How an {@code outlet-filing} instance ended (variable {@code outcome}). */
public enum FilingOutcome {

	FILED("予以备案"),
	INELIGIBLE("不符合备案条件"),
	NOT_RECOMMENDED("推荐部门不予推荐"),
	REJECTED("国家知识产权局不予备案"),
	WITHDRAWN("逾期未补正，视为撤回"),
	OBJECTION_UPHELD("公示期异议成立，不予备案");

	/** The status of an application that has no outcome yet, and its label. */
	public static final String IN_PROGRESS = "IN_PROGRESS";
	public static final String IN_PROGRESS_LABEL = "办理中";

	private final String label;

	FilingOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A refusal by CNIPA, in review or after an objection; Art. 18 may apply to it. */
	public boolean refusal() {
		return this == REJECTED || this == OBJECTION_UPHELD;
	}

}
