package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.ipoutlet.institution.BannedInstitutions;

/**
 * Closes an application at an end event (a built-in listener attached by {@link FilingStepsPlugin}).
 * The outcome must be the status the application's steps reached: an end event reached by a skipped
 * or forged path is refused.
 */
@Component("filingOutcomes")
public class FilingOutcomes {

	private static final Logger log = LoggerFactory.getLogger(FilingOutcomes.class);

	private final FilingApplications applications;
	private final FilingSteps steps;
	private final BannedInstitutions banned;
	private final BusinessClock clock;

	FilingOutcomes(FilingApplications applications, FilingSteps steps, BannedInstitutions banned, BusinessClock clock) {
		this.applications = applications;
		this.steps = steps;
		this.banned = banned;
		this.clock = clock;
	}

	/**
	 * Records the outcome; a refusal for false materials (Art. 18) also bans the institution from
	 * applying for {@code ban-years} years from today.
	 */
	public void close(DelegateExecution execution, String outcome) {
		FilingOutcome result = FilingOutcome.valueOf(outcome);
		FilingApplication application = steps.record(execution, a -> a.close(result, clock.now()));
		String applicationNo = application.applicationNo();
		execution.setVariable(OUTCOME, result.name());
		applications.close(applicationNo, result.name(), clock.now());
		if (result.refusal() && Boolean.TRUE.equals(execution.getVariable(FALSE_MATERIALS))) {
			LocalDate until = banned.ban(application.uscc(), (String) execution.getVariable(ORG_NAME),
					"备案过程中提供虚假材料（第十八条）", clock.today(), applicationNo);
			log.info("Application {}: false materials found, institution {} banned until {}", applicationNo,
					application.uscc(), until);
		}
		log.info("Filing application {} closed: {}", applicationNo, result);
	}

}
