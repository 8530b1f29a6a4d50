package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ipoutlet.calendar.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Each step of {@code outlet-filing} records itself in the application's aggregate, in the step's
 * own transaction: the delegates call it, and {@link FilingStepsPlugin} calls it from built-in
 * listeners for the human decisions and the end of publicity. The application is found by its
 * process instance, never by a variable or the business key.
 */
@Service
public class FilingSteps {

	private static final Logger log = LoggerFactory.getLogger(FilingSteps.class);

	private final FilingApplications applications;
	private final BusinessClock clock;

	FilingSteps(FilingApplications applications, BusinessClock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	/** The application of this instance, after one guarded transition, saved. */
	public FilingApplication record(DelegateExecution execution, Consumer<FilingApplication> transition) {
		FilingApplication application = applications.ofProcessInstance(execution.getProcessInstanceId());
		ApplicationStatus from = application.status();
		transition.accept(application);
		applications.save(application);
		if (from != application.status()) {
			log.info("Application {}: {} -> {}", application.applicationNo(), from, application.status());
		}
		return application;
	}

	public void eligibility(DelegateExecution execution, boolean eligible) {
		record(execution, a -> a.recordEligibility(eligible, clock.now()));
	}

	void recommendation(DelegateTask task) {
		record(task.getExecution(), a -> a.recordRecommendation((String) task.getVariable(RECOMMENDATION), clock.now()));
	}

	void supplement(DelegateTask task) {
		record(task.getExecution(), a -> a.recordSupplement(clock.now()));
	}

	void filingDecision(DelegateTask task) {
		record(task.getExecution(), a -> a.recordFilingDecision((String) task.getVariable(FILING_DECISION), clock.now()));
	}

	void publicity(DelegateExecution execution, LocalDate starts, LocalDate ends) {
		record(execution, a -> a.startPublicity(starts, ends, clock.now()));
	}

	/** A {@code handleObjection} task opens: the objection must come within the period and name its objector. */
	void objectionRaised(DelegateTask task) {
		Object contact = task.getVariable(OBJECTOR_CONTACT);
		if (!(contact instanceof String text) || text.isBlank()) {
			throw new IllegalArgumentException("An objection needs the objector's contact (objectorContact)");
		}
		record(task.getExecution(), a -> a.raiseObjection(clock.today(), clock.now()));
	}

	void objectionFinding(DelegateTask task) {
		Object upheld = task.getVariable(OBJECTION_UPHELD);
		boolean isUpheld = Boolean.TRUE.equals(upheld) || "true".equals(upheld);
		record(task.getExecution(), a -> a.recordObjectionFinding(isUpheld, clock.now()));
	}

	void publicityOver(DelegateExecution execution) {
		record(execution, a -> a.completePublicity(clock.today(), clock.now()));
	}

}
