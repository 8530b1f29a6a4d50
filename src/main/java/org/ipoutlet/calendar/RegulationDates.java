package org.ipoutlet.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;

import org.ipoutlet.OutletProperties;
import org.springframework.stereotype.Component;

/**
 * Every period of the regulation, in one place (README, "Decisions"): the delegates compute the
 * dates here and write them into process variables, as ISO dates for people and as the instant a
 * timer fires ({@link #timerAt}), so the diagram's timers read a variable that auditors see in
 * Cockpit. Days are calendar days in Asia/Shanghai; a period's last day counts in full.
 */
@Component
public class RegulationDates {

	/** Art. 17: the annual summary is due by the end of January. */
	public static final MonthDay SUMMARY_DUE_DAY = MonthDay.of(1, 31);

	private final BusinessClock clock;
	private final WorkingDayCalendar workingDays;
	private final OutletProperties properties;

	public RegulationDates(BusinessClock clock, WorkingDayCalendar workingDays, OutletProperties properties) {
		this.clock = clock;
		this.workingDays = workingDays;
		this.properties = properties;
	}

	/** A period from its first to its last day, both included. */
	public record Period(LocalDate first, LocalDate last) {
	}

	public LocalDate today() {
		return clock.today();
	}

	/**
	 * Art. 7(三): publicity runs for {@code publicity-working-days} working days of the mainland
	 * calendar, from the first working day after CNIPA's approval.
	 */
	public Period publicity(LocalDate approvedOn) {
		return new Period(workingDays.plusWorkingDays(approvedOn, 1),
				workingDays.plusWorkingDays(approvedOn, properties.filing().publicityWorkingDays()));
	}

	/** The last day to supplement a returned application: {@code supplement-deadline-days} calendar days. */
	public LocalDate supplementDeadline(LocalDate returnedOn) {
		return returnedOn.plusDays(properties.filing().supplementDeadlineDays());
	}

	/** Art. 8: the last valid day of a filing made on {@code filedOn} ({@code validity-years}, minus one day). */
	public LocalDate validUntil(LocalDate filedOn) {
		return filedOn.plusYears(properties.filing().validityYears()).minusDays(1);
	}

	/** Art. 9: each renewal adds the validity period to the current (inclusive) last day. */
	public LocalDate renewedUntil(LocalDate validUntil) {
		return validUntil.plusYears(properties.filing().validityYears());
	}

	/** The first day of the renewal window: {@code renewal-window-days} before the first expired day. */
	public LocalDate renewalWindowOpensOn(LocalDate validUntil) {
		return validUntil.plusDays(1).minusDays(properties.lifecycle().renewalWindowDays());
	}

	/** Art. 18: the last day of a ban that starts on {@code from} ("三年内不得再提交备案申请", {@code ban-years}). */
	public LocalDate lastDayOfBan(LocalDate from) {
		return from.plusYears(properties.filing().banYears()).minusDays(1);
	}

	/** Art. 17: the last day of a rectification ordered on {@code orderedOn}. */
	public LocalDate rectificationDeadline(LocalDate orderedOn) {
		return orderedOn.plusMonths(properties.lifecycle().rectificationMonths());
	}

	/** Art. 17: the summary of {@code year} is due on 31 January of the next year. */
	public LocalDate summaryDueOn(int year) {
		return SUMMARY_DUE_DAY.atYear(year + 1);
	}

	/** Art. 17: the summary of {@code year} can be submitted from 1 January of the next year. */
	public LocalDate summaryOpensOn(int year) {
		return LocalDate.of(year + 1, 1, 1);
	}

	/**
	 * The instant a timer fires for {@code day}: its first instant in Asia/Shanghai, as an ISO-8601
	 * date-time with offset (what a timer's {@code timeDate} accepts). The end of a period is the
	 * timer at the day after its last day.
	 */
	public String timerAt(LocalDate day) {
		return clock.startOf(day).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/** The timer that fires when the period ending with {@code lastDay} is over. */
	public String timerAfter(LocalDate lastDay) {
		return timerAt(lastDay.plusDays(1));
	}

}
