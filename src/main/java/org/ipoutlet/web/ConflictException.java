package org.ipoutlet.web;

/**
 * The request is valid but the resource's current state does not allow it (e.g. an objection
 * outside the publicity period): 409 on the API, with the message as the problem's English
 * {@code detail} and the Chinese one as {@code messageZh} (README, "The application's API").
 */
public class ConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String messageZh;

	public ConflictException(String detail, String messageZh) {
		super(detail);
		this.messageZh = messageZh;
	}

	public String messageZh() {
		return messageZh;
	}

}
