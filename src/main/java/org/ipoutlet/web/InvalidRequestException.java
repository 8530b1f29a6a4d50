package org.ipoutlet.web;

import java.util.List;

import org.ipoutlet.validation.FieldError;

/**
 * Request parameters or a body that break a rule: 400 on the API, with one {@link FieldError} per
 * refused field or parameter.
 */
public class InvalidRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super("Invalid request: " + errors);
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("An invalid request needs at least one field error");
		}
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(FieldError error) {
		this(List.of(error));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
