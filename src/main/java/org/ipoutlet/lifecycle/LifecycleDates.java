package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.RECTIFICATION_DEADLINE;
import static org.ipoutlet.lifecycle.LifecycleVariables.SUMMARY_YEAR;
import static org.ipoutlet.lifecycle.LifecycleVariables.VALID_UNTIL;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.ipoutlet.OutletProperties;
import org.ipoutlet.calendar.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * The dates of the lifecycle, in Asia/Shanghai, for the diagram's timers
 * ({@code ${lifecycleDates.expiry(execution)}}) and for the delegates. Every timer fires at the
 * start of a business day, so no timer depends on the JVM's time zone.
 */
@Component("lifecycleDates")
public class LifecycleDates {

	/** Art. 17: the annual summary is due by the end of January. */
	public static final MonthDay SUMMARY_DUE_DAY = MonthDay.of(1, 31);

	private final BusinessClock clock;
	private final OutletProperties properties;

	public LifecycleDates(BusinessClock clock, OutletProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	// ---- pure date rules ----

	/** Art. 9: each renewal adds the validity period to the current (inclusive) last day. */
	public LocalDate renewedUntil(LocalDate validUntil) {
		return validUntil.plusYears(properties.filing().validityYears());
	}

	/** The first day of the renewal window: {@code renewal-window-days} before the first expired day. */
	public LocalDate renewalWindowOpensOn(LocalDate validUntil) {
		return validUntil.plusDays(1).minusDays(properties.lifecycle().renewalWindowDays());
	}

	/** Art. 17: the last day of a rectification ordered on {@code orderedOn}. */
	public LocalDate rectificationDeadline(LocalDate orderedOn) {
		return orderedOn.plusMonths(properties.lifecycle().rectificationMonths());
	}

	/** Art. 17: the summary of {@code year} is due on 31 January of the next year. */
	public LocalDate summaryDueOn(int year) {
		return SUMMARY_DUE_DAY.atYear(year + 1);
	}

	public LocalDate today() {
		return clock.today();
	}

	// ---- timer expressions ----

	/** Expiry timer: the start of the day after the last valid day. */
	public Date expiry(VariableScope execution) {
		return clock.startOfDay(validUntil(execution).plusDays(1));
	}

	/** Renewal window timer. */
	public Date renewalWindow(VariableScope execution) {
		return clock.startOfDay(renewalWindowOpensOn(validUntil(execution)));
	}

	/** Annual summary timer: 1 January after the summarized year. */
	public Date summaryOpens(VariableScope execution) {
		return clock.startOfDay(LocalDate.of(summaryYear(execution) + 1, 1, 1));
	}

	/** Annual summary deadline: the end of 31 January (the start of 1 February). */
	public Date summaryDeadline(VariableScope execution) {
		return clock.startOfDay(summaryDueOn(summaryYear(execution)).plusDays(1));
	}

	/** Rectification timer: the end of the period's last day. */
	public Date rectificationEnds(VariableScope execution) {
		String deadline = (String) execution.getVariable(RECTIFICATION_DEADLINE);
		return clock.startOfDay(LocalDate.parse(deadline).plusDays(1));
	}

	private static LocalDate validUntil(VariableScope execution) {
		return LocalDate.parse((String) execution.getVariable(VALID_UNTIL));
	}

	private static int summaryYear(VariableScope execution) {
		return ((Number) execution.getVariable(SUMMARY_YEAR)).intValue();
	}

}
