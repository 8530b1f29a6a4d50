package org.ipoutlet.lifecycle;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parsing of contract codes with errors that name the field and the allowed values. */
final class Codes {

	private Codes() {
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, Object value) {
		String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		if (!(value instanceof String code) || code.isBlank()) {
			throw new IllegalArgumentException(field + " is required (one of " + allowed + ")");
		}
		try {
			return Enum.valueOf(type, code);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(field + " '" + code + "' is not one of " + allowed);
		}
	}

}
