package org.ipoutlet.lifecycle;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ipoutlet.validation.InvalidInputException;

/** Parsing of codes with errors that name the field and the allowed values. */
final class Codes {

	private Codes() {
	}

	/**
	 * The constant named {@code value}, or a refusal of {@code field} (label {@code labelZh}) listing
	 * the codes and, in Chinese, their labels.
	 */
	static <E extends Enum<E>> E parse(Class<E> type, String field, String labelZh, Function<E, String> label,
			Object value) {
		String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
		String allowedZh = Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining("、"));
		if (!(value instanceof String code) || code.isBlank()) {
			throw new InvalidInputException(field, "required", field + " is required (one of " + allowed + ")",
					labelZh + "：必填，应为以下之一：" + allowedZh);
		}
		try {
			return Enum.valueOf(type, code);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(field, "invalid", field + " '" + code + "' is not one of " + allowed,
					labelZh + "：取值无效，应为以下之一：" + allowedZh);
		}
	}

}
