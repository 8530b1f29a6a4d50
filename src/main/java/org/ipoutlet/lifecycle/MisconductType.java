package org.ipoutlet.lifecycle;

/** Art. 18: the misconduct that revokes a filing and bans the institution. */
enum MisconductType {

	FALSE_MATERIALS("在备案过程中提供虚假材料"),
	UNRELATED_COMMERCIAL_ACTIVITY("以网点名义开展与知识产权公共服务无关的商业经营活动"),
	ILLEGAL_ACTIVITY("以网点名义从事违法违规活动");

	private final String label;

	MisconductType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Parses a code; refuses anything else with an error naming the field. */
	public static MisconductType parse(Object value) {
		return Codes.parse(MisconductType.class, LifecycleVariables.MISCONDUCT_TYPE, "违规情形", MisconductType::label, value);
	}

}
