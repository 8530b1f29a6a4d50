package org.ipoutlet.register;

/** Status of a filed outlet in the public register (Art. 8). */
public enum OutletStatus {

	FILED("有效"),
	RECTIFYING("整改中"),
	EXPIRED("已过期"),
	REVOKED("已撤销"),
	CANCELLED("已取消");

	private final String label;

	OutletStatus(String label) {
		this.label = label;
	}

	/** The Chinese label shown to officials and the public. */
	public String label() {
		return label;
	}

	/** Whether the outlet still holds a valid filing (it may be under rectification). */
	public boolean active() {
		return this == FILED || this == RECTIFYING;
	}

}
