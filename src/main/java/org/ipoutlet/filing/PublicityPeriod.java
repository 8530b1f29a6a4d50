package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.RegulationDates;
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

	private final RegulationDates dates;
	private final FilingSteps steps;
	private final FilingApplications applications;

	PublicityPeriod(RegulationDates dates, FilingSteps steps, FilingApplications applications) {
		this.dates = dates;
		this.steps = steps;
		this.applications = applications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RegulationDates.Period publicity = dates.publicity(dates.today());
		LocalDate first = publicity.first();
		LocalDate last = publicity.last();
		FilingApplication application = steps.publicity(execution, first, last);
		// What the public 公示 shows (README, "公示 is public").
		applications.publicize(application.applicationNo(), text(execution, ORG_NAME), text(execution, ORG_CATEGORY),
				text(execution, PROVINCE), JsonValues.codes(execution.getVariable(SERVICE_ITEMS)));
		execution.setVariable(PUBLICITY_STARTS, first.toString());
		execution.setVariable(PUBLICITY_ENDS, last.toString());
		execution.setVariable(PUBLICITY_ENDS_AT, dates.timerAfter(last));
		log.info("Application {} in publicity from {} to {}", execution.getProcessBusinessKey(), first, last);
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

}
