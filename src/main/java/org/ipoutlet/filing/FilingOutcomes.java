package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes an application at an end event: {@code ${filingOutcomes.close(execution, 'REJECTED')}}. */
@Component("filingOutcomes")
public class FilingOutcomes {

	private static final Logger log = LoggerFactory.getLogger(FilingOutcomes.class);

	private final FilingApplications applications;
	private final BannedInstitutions banned;
	private final BusinessClock clock;

	FilingOutcomes(FilingApplications applications, BannedInstitutions banned, BusinessClock clock) {
		this.applications = applications;
		this.banned = banned;
		this.clock = clock;
	}

	/**
	 * Records the outcome; a refusal for false materials (Art. 18) also bans the institution from
	 * applying for {@code ban-years} years from today.
	 */
	public void close(DelegateExecution execution, String outcome) {
		FilingOutcome result = FilingOutcome.valueOf(outcome);
		String applicationNo = execution.getProcessBusinessKey();
		execution.setVariable(OUTCOME, result.name());
		applications.close(applicationNo, result.name(), clock.now());
		if (result.refusal() && Boolean.TRUE.equals(execution.getVariable(FALSE_MATERIALS))) {
			LocalDate until = banned.ban((String) execution.getVariable(USCC), (String) execution.getVariable(ORG_NAME),
					"备案过程中提供虚假材料（第十八条）", clock.today(), applicationNo);
			log.info("Application {}: false materials found, institution {} banned until {}", applicationNo,
					execution.getVariable(USCC), until);
		}
		log.info("Filing application {} closed: {}", applicationNo, result);
	}

}
