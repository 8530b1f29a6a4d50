package org.ipoutlet.web;

/**
 * The request is valid but the resource's current state does not allow it (e.g. an objection
 * outside the publicity period): 409 on the API. The message is the problem's detail.
 */
public class ConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ConflictException(String detail) {
		super(detail);
	}

}
