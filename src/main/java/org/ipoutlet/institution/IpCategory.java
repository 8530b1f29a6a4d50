package org.ipoutlet.institution;

import java.util.Arrays;
import java.util.List;

/** The IP categories an outlet serves (Art. 5(二)). */
public enum IpCategory {

	PATENT("专利"),
	TRADEMARK("商标"),
	GEOGRAPHICAL_INDICATION("地理标志");

	private final String label;

	IpCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static List<String> codes() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}

}
