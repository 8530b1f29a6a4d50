package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.RECTIFICATION_DEADLINE;
import static org.ipoutlet.lifecycle.LifecycleVariables.SUMMARY_YEAR;
import static org.ipoutlet.lifecycle.LifecycleVariables.VALID_UNTIL;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.RegulationDates;
import org.springframework.stereotype.Component;

/**
 * The timer expressions of earlier versions of {@code outlet-lifecycle} ({@code ${lifecycleDates.expiry(execution)}}),
 * kept so that their running instances go on (README, "Versions: who wins"). The current diagram reads
 * the timers' instants from variables that the delegates compute with {@link RegulationDates}.
 */
@Component("lifecycleDates")
public class LifecycleDates {

	private final RegulationDates dates;
	private final BusinessClock clock;

	public LifecycleDates(RegulationDates dates, BusinessClock clock) {
		this.dates = dates;
		this.clock = clock;
	}

	/** Expiry timer: the start of the day after the last valid day. */
	public Date expiry(VariableScope execution) {
		return clock.startOfDay(validUntil(execution).plusDays(1));
	}

	/** Renewal window timer. */
	public Date renewalWindow(VariableScope execution) {
		return clock.startOfDay(dates.renewalWindowOpensOn(validUntil(execution)));
	}

	/** Annual summary timer: 1 January after the summarized year. */
	public Date summaryOpens(VariableScope execution) {
		return clock.startOfDay(dates.summaryOpensOn(summaryYear(execution)));
	}

	/** Annual summary deadline: the end of 31 January (the start of 1 February). */
	public Date summaryDeadline(VariableScope execution) {
		return clock.startOfDay(dates.summaryDueOn(summaryYear(execution)).plusDays(1));
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
