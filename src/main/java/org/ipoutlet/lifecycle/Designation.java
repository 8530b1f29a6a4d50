package org.ipoutlet.lifecycle;

import org.ipoutlet.institution.ExemptInstitutions.Exemption;

/** Art. 19: a designation that cancels the filing automatically. */
enum Designation {

	TISC("技术与创新支持中心（TISC）", Exemption.TISC),
	UNIVERSITY_CENTRE("高校国家知识产权信息服务中心", Exemption.UNIVERSITY_CENTRE);

	private final String label;
	private final Exemption exemption;

	Designation(String label, Exemption exemption) {
		this.label = label;
		this.exemption = exemption;
	}

	public String label() {
		return label;
	}

	public Exemption exemption() {
		return exemption;
	}

	/** Parses a code; refuses anything else with an error naming the field. */
	public static Designation parse(Object value) {
		return Codes.parse(Designation.class, LifecycleVariables.DESIGNATION, "认定类型", Designation::label, value);
	}

}
