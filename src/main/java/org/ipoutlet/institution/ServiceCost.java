package org.ipoutlet.institution;

import java.util.Arrays;
import java.util.List;

/** What an item of the 服务事项清单 costs the user: Art. 5(二) asks for 免费或低成本 services. */
public enum ServiceCost {

	FREE("免费"),
	LOW_COST("低成本");

	private final String label;

	ServiceCost(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
