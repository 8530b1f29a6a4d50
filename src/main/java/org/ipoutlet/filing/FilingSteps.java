package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.FilingOpinion.Step;
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
	private final FilingOpinions opinions;
	private final BusinessClock clock;

	FilingSteps(FilingApplications applications, FilingOpinions opinions, BusinessClock clock) {
		this.applications = applications;
		this.opinions = opinions;
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
		String recommendation = (String) task.getVariable(RECOMMENDATION);
		FilingApplication a = record(task.getExecution(), app -> app.recordRecommendation(recommendation, clock.now()));
		FilingOpinion signed = sign(a.applicationNo(), Step.PRELIMINARY_REVIEW, recommendation,
				text(task, RECOMMENDER_OPINION), handler(task), text(task, RECOMMENDER_HEAD), falseMaterials(task));
		show(task, signed, RECOMMENDER_HANDLER, RECOMMENDER_SIGNED_ON);
	}

	void supplement(DelegateTask task) {
		FilingApplication a = record(task.getExecution(), app -> app.recordSupplement(clock.now()));
		FilingOpinion signed = sign(a.applicationNo(), Step.SUPPLEMENT, "DECLARED", text(task, APPLICANT_OPINION),
				handler(task), text(task, APPLICANT_HEAD), false);
		show(task, signed, APPLICANT_HANDLER, APPLICANT_SIGNED_ON);
	}

	void filingDecision(DelegateTask task) {
		String decision = (String) task.getVariable(FILING_DECISION);
		FilingApplication a = record(task.getExecution(), app -> app.recordFilingDecision(decision, clock.now()));
		FilingOpinion signed = sign(a.applicationNo(), Step.CNIPA_REVIEW, decision, text(task, CNIPA_OPINION),
				handler(task), text(task, CNIPA_HEAD), falseMaterials(task));
		show(task, signed, CNIPA_HANDLER, CNIPA_SIGNED_ON);
	}

	/**
	 * Art. 18: CNIPA confirms or does not confirm the recommender's finding of false materials; only a
	 * confirmation bans the institution (when the application closes, {@link FilingOutcomes}).
	 */
	void falseMaterialsReview(DelegateTask task) {
		Object value = task.getVariable(FALSE_MATERIALS_CONFIRMED);
		boolean confirmed = Boolean.TRUE.equals(value) || "true".equals(value);
		FilingApplication a = record(task.getExecution(), app -> app.reviewFalseMaterials(clock.now()));
		FilingOpinion signed = sign(a.applicationNo(), Step.FALSE_MATERIALS_REVIEW, confirmed ? "CONFIRMED" : "NOT_CONFIRMED",
				text(task, FALSE_MATERIALS_DECISION), handler(task), text(task, CNIPA_HEAD), confirmed);
		show(task, signed, CNIPA_HANDLER, CNIPA_SIGNED_ON);
	}

	/**
	 * 六 at submission (填表说明 二): signed by the applicant, the user who submitted (or, for a start by
	 * the application itself, the user it names as applicant).
	 */
	void submission(DelegateExecution execution, String applicationNo, String applicant) {
		FilingOpinion signed = sign(applicationNo, Step.SUBMISSION, "DECLARED", text(execution, APPLICANT_OPINION),
				applicant, text(execution, APPLICANT_HEAD), false);
		show(execution, signed, APPLICANT_HANDLER, APPLICANT_SIGNED_ON);
	}

	/**
	 * Records a signed opinion: the 经办人 is the user the engine authenticated for the step, the date
	 * the server's (Asia/Shanghai). What a client sent as a handler or a date is never read.
	 */
	FilingOpinion sign(String applicationNo, Step step, String decision, String opinion, String handler, String head,
			boolean falseMaterials) {
		FilingOpinion signed = new FilingOpinion(applicationNo, step.section(), step, decision, opinion, handler, head,
				falseMaterials, clock.now(), clock.today());
		opinions.record(signed);
		return signed;
	}

	/**
	 * The user who completes a task: the authenticated user of the engine command; when the application
	 * itself completes it (no authenticated user), the task's assignee, if any.
	 */
	static String handler(DelegateTask task) {
		String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
		return user != null ? user : task.getAssignee();
	}

	/** Later forms show the signature read-only from these variables (the table stays the record). */
	private static void show(VariableScope scope, FilingOpinion signed, String handlerVariable, String dateVariable) {
		scope.setVariable(handlerVariable, signed.handler());
		scope.setVariable(dateVariable, signed.decidedOn().toString());
	}

	private static String text(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	private static boolean falseMaterials(VariableScope scope) {
		Object value = scope.getVariable(FALSE_MATERIALS);
		return Boolean.TRUE.equals(value) || "true".equals(value);
	}

	FilingApplication publicity(DelegateExecution execution, LocalDate starts, LocalDate ends) {
		return record(execution, a -> a.startPublicity(starts, ends, clock.now()));
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
		FilingApplication a = record(task.getExecution(), app -> app.recordObjectionFinding(isUpheld, clock.now()));
		FilingOpinion signed = sign(a.applicationNo(), Step.OBJECTION_FINDING, isUpheld ? "UPHELD" : "DISMISSED",
				text(task, OBJECTION_FINDING), handler(task), text(task, CNIPA_HEAD), isUpheld && falseMaterials(task));
		show(task, signed, CNIPA_HANDLER, CNIPA_SIGNED_ON);
	}

	void publicityOver(DelegateExecution execution) {
		record(execution, a -> a.completePublicity(clock.today(), clock.now()));
	}

}
