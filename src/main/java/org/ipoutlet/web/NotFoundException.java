package org.ipoutlet.web;

/** The requested resource does not exist: 404 on the API. The message is the problem's detail. */
public class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public NotFoundException(String detail) {
		super(detail);
	}

}
