package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.OutletProperties;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.calendar.WorkingDayCalendar;
import org.ipoutlet.validation.JsonValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task 确定公示期 (Art. 7(三)): publicity runs for N working days on the mainland calendar,
 * from the first working day after CNIPA's approval, to the end of the N-th. Sets
 * {@code publicityStarts}/{@code publicityEnds} (ISO dates) and {@code publicityEndsAt} (the instant
 * the publicity timer fires: the start of the next calendar day, Asia/Shanghai). The period is
 * recorded in the application's aggregate, which alone decides when publicity is over.
 */
@Component("publicityPeriod")
class PublicityPeriod implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(PublicityPeriod.class);

	private final BusinessClock clock;
	private final WorkingDayCalendar calendar;
	private final FilingSteps steps;
	private final FilingApplications applications;
	private final int workingDays;

	PublicityPeriod(BusinessClock clock, WorkingDayCalendar calendar, FilingSteps steps,
			FilingApplications applications, OutletProperties properties) {
		this.clock = clock;
		this.steps = steps;
		this.applications = applications;
		this.calendar = calendar;
		this.workingDays = properties.filing().publicityWorkingDays();
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate approved = clock.today();
		LocalDate first = calendar.plusWorkingDays(approved, 1);
		LocalDate last = calendar.plusWorkingDays(approved, workingDays);
		FilingApplication application = steps.publicity(execution, first, last);
		applications.publicize(application.applicationNo(), text(execution, ORG_NAME), text(execution, ORG_CATEGORY),
				text(execution, PROVINCE), JsonValues.codes(execution.getVariable(SERVICE_ITEMS)));
		execution.setVariable(PUBLICITY_STARTS, first.toString());
		execution.setVariable(PUBLICITY_ENDS, last.toString());
		execution.setVariable(PUBLICITY_ENDS_AT,
				clock.startOf(last.plusDays(1)).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		log.info("Application {} in publicity from {} to {} ({} working days)", execution.getProcessBusinessKey(),
				first, last, workingDays);
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

}
