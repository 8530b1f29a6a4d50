package org.ipoutlet.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One year of the mainland calendar, parsed from its notice: the statutory holidays (days off,
 * whatever the weekday) and the adjusted working days (weekend days worked).
 */
record HolidayYear(int year, String source, Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern ENTRY = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2}))?");

	public HolidayYear {
		holidays = Set.copyOf(holidays);
		adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
	}

	/**
	 * Parses and checks one year's entry.
	 * @param key the year as written in the YAML ({@code "2026"})
	 * @throws IllegalArgumentException naming the entry ({@code outlet.calendar.years.2026.holidays[1]}),
	 *         its value and the rule it breaks
	 */
	public static HolidayYear parse(String key, CalendarProperties.Year entry) {
		String path = CalendarProperties.PREFIX + ".years." + key;
		if (key == null || !YEAR.matcher(key).matches()) {
			throw new IllegalArgumentException(path + ": the key must be a four-digit year such as \"2026\"");
		}
		if (entry == null) {
			throw new IllegalArgumentException(path + ": no holidays or adjusted working days given");
		}
		int year = Integer.parseInt(key);
		Set<LocalDate> holidays = new TreeSet<>();
		List<String> ranges = entry.holidays();
		for (int i = 0; i < ranges.size(); i++) {
			String name = path + ".holidays[" + i + "]";
			String value = ranges.get(i);
			Matcher matcher = value == null ? null : ENTRY.matcher(value.strip());
			if (matcher == null || !matcher.matches()) {
				throw invalid(name, value, "expected a date yyyy-MM-dd or an inclusive range yyyy-MM-dd..yyyy-MM-dd");
			}
			LocalDate first = date(name, value, matcher.group(1), year);
			LocalDate last = matcher.group(2) == null ? first : date(name, value, matcher.group(2), year);
			if (last.isBefore(first)) {
				throw invalid(name, value, "the range ends before it starts");
			}
			first.datesUntil(last.plusDays(1)).forEach(holidays::add);
		}
		Set<LocalDate> adjusted = new TreeSet<>();
		List<String> days = entry.adjustedWorkingDays();
		for (int i = 0; i < days.size(); i++) {
			String name = path + ".adjusted-working-days[" + i + "]";
			String value = days.get(i);
			if (value == null || !value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
				throw invalid(name, value, "expected a single date yyyy-MM-dd");
			}
			LocalDate day = date(name, value, value.strip(), year);
			if (!isWeekend(day)) {
				throw invalid(name, value, "an adjusted working day must be a Saturday or Sunday, " + day + " is a "
						+ day.getDayOfWeek());
			}
			if (holidays.contains(day)) {
				throw invalid(name, value, "the day is also listed as a holiday");
			}
			adjusted.add(day);
		}
		return new HolidayYear(year, entry.source(), holidays, adjusted);
	}

	static boolean isWeekend(LocalDate day) {
		DayOfWeek dayOfWeek = day.getDayOfWeek();
		return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
	}

	private static LocalDate date(String name, String value, String text, int year) {
		LocalDate date;
		try {
			date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
		}
		catch (DateTimeException ex) {
			throw invalid(name, value, "'" + text + "' is not a calendar date");
		}
		if (date.getYear() != year) {
			throw invalid(name, value, date + " lies outside the year " + year);
		}
		return date;
	}

	private static IllegalArgumentException invalid(String name, String value, String rule) {
		return new IllegalArgumentException("Invalid holiday calendar entry " + name + " = '" + value + "': " + rule);
	}

}
