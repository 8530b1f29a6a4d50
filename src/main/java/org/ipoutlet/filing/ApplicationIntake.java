package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start of every {@code outlet-filing} instance, after the submission was validated: assigns the
 * application number, makes it the business key, and records the application (status
 * {@code SUBMITTED}). A built-in listener attached by {@link FilingStepsPlugin}, so it runs on every
 * start, with start instructions and with {@code skipCustomListeners} too. The applicant is the
 * authenticated user who starts (the engine's initiator), whatever variable the start carries; only
 * the application itself, starting without a user, names the applicant by the variable.
 */
@Component
class ApplicationIntake implements ExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(ApplicationIntake.class);

	private final DocumentNumbers numbers;
	private final FilingApplications applications;
	private final FilingSteps steps;
	private final BusinessClock clock;

	ApplicationIntake(DocumentNumbers numbers, FilingApplications applications, FilingSteps steps, BusinessClock clock) {
		this.numbers = numbers;
		this.applications = applications;
		this.steps = steps;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String initiator = Context.getCommandContext() == null ? null
				: Context.getCommandContext().getAuthenticatedUserId();
		if (initiator != null) {
			execution.setVariable(APPLICANT, initiator);
		}
		String applicant = (String) execution.getVariable(APPLICANT);
		String applicationNo = numbers.nextApplicationNo(clock.today().getYear());
		execution.setProcessBusinessKey(applicationNo);
		execution.setVariable(APPLICATION_NO, applicationNo);
		applications.submit(applicationNo, (String) execution.getVariable(USCC),
				(String) execution.getVariable(ORG_NAME), (String) execution.getVariable(RECOMMENDER_ID), applicant,
				execution.getProcessInstanceId(), clock.now());
		steps.submission(execution, applicationNo, applicant);
		log.info("Filing application {} submitted by {} for USCC {}", applicationNo, applicant,
				execution.getVariable(USCC));
	}

}
