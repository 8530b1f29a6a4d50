package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

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
	private final BusinessClock clock;

	FilingOutcomes(FilingApplications applications, BusinessClock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	public void close(DelegateExecution execution, String outcome) {
		FilingOutcome result = FilingOutcome.valueOf(outcome);
		String applicationNo = execution.getProcessBusinessKey();
		execution.setVariable(OUTCOME, result.name());
		applications.close(applicationNo, result.name(), clock.now());
		log.info("Filing application {} closed: {}", applicationNo, result);
	}

}
