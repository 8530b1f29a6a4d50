package org.ipoutlet.register;

/** A status change that the regulation does not allow from the outlet's current status. */
public class IllegalTransitionException extends RuntimeException {

	private final String filingNo;
	private final OutletStatus from;
	private final String action;

	public IllegalTransitionException(String filingNo, OutletStatus from, String action) {
		super("Outlet " + filingNo + " in status " + from + " cannot " + action);
		this.filingNo = filingNo;
		this.from = from;
		this.action = action;
	}

	public String filingNo() {
		return filingNo;
	}

	public OutletStatus from() {
		return from;
	}

	public String action() {
		return action;
	}

}
