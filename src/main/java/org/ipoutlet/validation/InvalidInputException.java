package org.ipoutlet.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that a domain method refuses before it changes anything (e.g. a change report with a field
 * Art. 10 does not allow, a misconduct type Art. 18 does not name), carried as data: one
 * {@link FieldError} per refused field, with its rule and its Chinese message. The API answers it
 * with 400 and these errors as they are (README, "The application's API").
 */
public class InvalidInputException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("A refusal needs at least one field error");
		}
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String rule, String message, String messageZh) {
		this(List.of(new FieldError(field, rule, message, messageZh)));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
