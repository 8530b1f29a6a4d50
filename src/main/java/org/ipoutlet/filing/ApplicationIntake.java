package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code outlet-filing}, after the submission was validated: assigns the
 * application number, makes it the business key, and records the application.
 */
@Component("applicationIntake")
class ApplicationIntake implements ExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ApplicationIntake.class);

	private final DocumentNumbers numbers;
	private final FilingApplications applications;
	private final BusinessClock clock;

	ApplicationIntake(DocumentNumbers numbers, FilingApplications applications, BusinessClock clock) {
		this.numbers = numbers;
		this.applications = applications;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String applicationNo = numbers.nextApplicationNo(clock.today().getYear());
		execution.setProcessBusinessKey(applicationNo);
		execution.setVariable(APPLICATION_NO, applicationNo);
		applications.submit(applicationNo, (String) execution.getVariable(USCC),
				(String) execution.getVariable(ORG_NAME), (String) execution.getVariable(RECOMMENDER_ID),
				(String) execution.getVariable(APPLICANT), execution.getProcessInstanceId(), clock.now());
		log.info("Filing application {} submitted by {} for USCC {}", applicationNo, execution.getVariable(APPLICANT),
				execution.getVariable(USCC));
	}

}
