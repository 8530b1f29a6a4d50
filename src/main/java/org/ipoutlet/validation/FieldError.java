package org.ipoutlet.validation;

/**
 * One refused field: the field's key (a process variable or JSON property, with a path for list
 * items such as {@code typicalCases[2].name}), the rule it broke, and the message in English
 * (logs, API) and Chinese (what an official sees in Tasklist).
 */
public record FieldError(String field, String rule, String message, String messageZh) {

	@Override
	public String toString() {
		return field + ": " + message;
	}

}
