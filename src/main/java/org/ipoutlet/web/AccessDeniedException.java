package org.ipoutlet.web;

/**
 * The caller is logged in but not allowed to do this (wrong group, another recommender's outlet):
 * 403 on the API. The message is the problem's detail.
 */
public class AccessDeniedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public AccessDeniedException(String detail) {
		super(detail);
	}

}
