package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.RegulationDates;
import org.springframework.stereotype.Component;

/**
 * Service task 设定补正期限: after a RETURN, the applicant has {@code supplement-deadline-days}
 * calendar days, to the end of the last day (Asia/Shanghai); then the application is withdrawn.
 * Sets {@code supplementDeadline} (ISO date, shown in the form) and {@code supplementDeadlineAt}
 * (the instant the boundary timer fires).
 */
@Component("supplementPeriod")
class SupplementPeriod implements JavaDelegate {

	private final RegulationDates dates;

	SupplementPeriod(RegulationDates dates) {
		this.dates = dates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate lastDay = dates.supplementDeadline(dates.today());
		execution.setVariable(SUPPLEMENT_DEADLINE, lastDay.toString());
		execution.setVariable(SUPPLEMENT_DEADLINE_AT, dates.timerAfter(lastDay));
	}

}
