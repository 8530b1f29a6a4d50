package org.ipoutlet.web;

/** The endpoint needs a logged-in user and there is none: 401 on the API. */
class UnauthenticatedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnauthenticatedException(String detail) {
		super(detail);
	}

}
