package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.OutletProperties;
import org.ipoutlet.calendar.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Service task 设定补正期限: after a RETURN, the applicant has {@code supplement-deadline-days}
 * calendar days, to the end of the last day (Asia/Shanghai); then the application is withdrawn.
 * Sets {@code supplementDeadline} (ISO date, shown in the form) and {@code supplementDeadlineAt}
 * (the instant the boundary timer fires).
 */
@Component("supplementPeriod")
class SupplementPeriod implements JavaDelegate {

	private final BusinessClock clock;
	private final int days;

	SupplementPeriod(BusinessClock clock, OutletProperties properties) {
		this.clock = clock;
		this.days = properties.filing().supplementDeadlineDays();
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate lastDay = clock.today().plusDays(days);
		execution.setVariable(SUPPLEMENT_DEADLINE, lastDay.toString());
		execution.setVariable(SUPPLEMENT_DEADLINE + "At",
				clock.startOf(lastDay.plusDays(1)).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
	}

}
