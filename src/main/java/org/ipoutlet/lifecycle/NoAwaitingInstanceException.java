package org.ipoutlet.lifecycle;

/**
 * A lifecycle message for an outlet whose {@code outlet-lifecycle} instance is not waiting for it:
 * the filing has ended (expired, revoked, cancelled) or is in a state that does not accept it.
 */
public class NoAwaitingInstanceException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String filingNo;
	private final String messageName;

	public NoAwaitingInstanceException(String filingNo, String messageName, String why, Throwable cause) {
		super("No outlet-lifecycle instance for filing " + filingNo + " awaits message " + messageName + ": " + why,
				cause);
		this.filingNo = filingNo;
		this.messageName = messageName;
	}

	public String filingNo() {
		return filingNo;
	}

	public String messageName() {
		return messageName;
	}

}
