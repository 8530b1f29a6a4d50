package org.ipoutlet.filing.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.ipoutlet.validation.Checks;

/** The date cells of the registers: ISO ({@code 2025-06-30}) or as Excel writes them ({@code 2025/6/30}). */
final class RegisterDates {

	private static final DateTimeFormatter EXCEL = DateTimeFormatter.ofPattern("uuuu/M/d");

	private RegisterDates() {
	}

	/** A required date that is not after {@code today}. */
	static Optional<LocalDate> pastDate(Checks c, String field, String label, LocalDate today) {
		Optional<String> text = c.text(field, label, true, 10);
		if (text.isEmpty()) {
			return Optional.empty();
		}
		LocalDate date;
		try {
			date = text.get().contains("/") ? LocalDate.parse(text.get(), EXCEL) : LocalDate.parse(text.get());
		}
		catch (DateTimeParseException ex) {
			c.reject(field, label, "date", "must be a date such as 2025-06-30", "格式不正确，应为日期（如2025-06-30）");
			return Optional.empty();
		}
		if (date.isAfter(today)) {
			c.reject(field, label, "notFuture", "must not be after today (" + today + ")", "不得晚于今天（" + today + "）");
			return Optional.empty();
		}
		return Optional.of(date);
	}

}
