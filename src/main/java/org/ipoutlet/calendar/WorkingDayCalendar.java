package org.ipoutlet.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Mainland China working days: Monday to Friday unless a statutory holiday, plus the adjusted
 * (调休) weekend working days, as published each year by the State Council and configured in
 * {@code config/cn-holidays.yaml}. A year without data falls back to Monday to Friday and is
 * reported once in the log. Immutable apart from that report; safe for concurrent use.
 */
@Component
public class WorkingDayCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private final Map<Integer, HolidayYear> years;

	private final Set<Integer> yearsReportedMissing = ConcurrentHashMap.newKeySet();

	@Autowired
	public WorkingDayCalendar(CalendarProperties properties) {
		this(properties.holidayYears());
	}

	/** A calendar over the given years, e.g. in a unit test. */
	public WorkingDayCalendar(Collection<HolidayYear> years) {
		Map<Integer, HolidayYear> byYear = new HashMap<>();
		for (HolidayYear year : years) {
			if (byYear.putIfAbsent(year.year(), year) != null) {
				throw new IllegalArgumentException("Holiday calendar data for " + year.year() + " given twice");
			}
		}
		this.years = Map.copyOf(byYear);
	}

	/** Monday–Friday and not a statutory holiday, or an adjusted working day. */
	public boolean isWorkingDay(LocalDate day) {
		Objects.requireNonNull(day, "day");
		HolidayYear year = years.get(day.getYear());
		if (year == null) {
			reportMissing(day.getYear());
			return !HolidayYear.isWeekend(day);
		}
		if (year.adjustedWorkingDays().contains(day)) {
			return true;
		}
		return !year.holidays().contains(day) && !HolidayYear.isWeekend(day);
	}

	/**
	 * The {@code days}-th working day strictly after {@code from}: a period of N working days that
	 * starts after day D runs from {@code plusWorkingDays(D, 1)} to {@code plusWorkingDays(D, N)}.
	 * @throws IllegalArgumentException if {@code days} is less than 1
	 */
	public LocalDate plusWorkingDays(LocalDate from, int days) {
		Objects.requireNonNull(from, "from");
		if (days < 1) {
			throw new IllegalArgumentException("days must be at least 1, was " + days);
		}
		LocalDate day = from;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * The number of working days after {@code fromExclusive} up to and including {@code toInclusive};
	 * 0 when both are the same day.
	 * @throws IllegalArgumentException if {@code toInclusive} is before {@code fromExclusive}
	 */
	public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
		Objects.requireNonNull(fromExclusive, "fromExclusive");
		Objects.requireNonNull(toInclusive, "toInclusive");
		if (toInclusive.isBefore(fromExclusive)) {
			throw new IllegalArgumentException(
					"toInclusive " + toInclusive + " is before fromExclusive " + fromExclusive);
		}
		int count = 0;
		for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	private void reportMissing(int year) {
		if (yearsReportedMissing.add(year)) {
			log.warn("No holiday calendar data for {}: counting Monday to Friday as working days. "
					+ "Add outlet.calendar.years.\"{}\" to config/cn-holidays.yaml from the State Council's notice.",
					year, year);
		}
	}

}
