package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.ipoutlet.filing.FilingFixtures.application;
import static org.ipoutlet.filing.FilingFixtures.newUscc;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.IllegalTransitionException;

/**
 * Art. 7: registration needs eligibility, recommendation, CNIPA's approval and a completed publicity
 * period, in that order, as recorded by the application itself. Every attack runs as an
 * administrator through the Java API (the most power the engine gives), and each proves with
 * before/after counts that nothing was filed: no register row, no lifecycle, no filing number.
 */
@ProcessTest
class FilingStepsCannotBeSkippedTest {

	/** Monday 2 March 2026, 09:00 in Beijing; publicity then runs 3 to 9 March. */
	static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	FilingMessages messages;

	@Autowired
	FilingApplications applications;

	@Autowired
	JdbcTemplate jdbc;

	String uscc;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		setClock(MONDAY);
		uscc = newUscc();
	}

	@AfterEach
	void clearAuthentication() {
		identity.clearAuthentication();
	}

	@Test
	void startingBeforeRegistrationFilesNothingAndTheJobBecomesAnIncident() {
		Counts before = counts();
		asAdmin();
		ProcessInstance pi = runtime.createProcessInstanceByKey(OUTLET_FILING)
			.setVariables(application(uscc))
			.startBeforeActivity("Task_Registration")
			.execute();

		failUntilIncident(pi);

		assertThat(pi).isWaitingAt("Task_Registration");
		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aBannedInstitutionStartedBeforeRegistrationIsNotFiled(@Autowired BannedInstitutions banned) {
		banned.ban(uscc, "某机构", "提供虚假材料", LocalDate.parse("2025-01-10"), LocalDate.parse("2028-01-09"), "test");
		Counts before = counts();
		asAdmin();
		ProcessInstance pi = runtime.createProcessInstanceByKey(OUTLET_FILING)
			.setVariables(application(uscc))
			.startBeforeActivity("Task_Registration")
			.execute();

		failUntilIncident(pi);

		assertThat(counts()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from outlet where uscc = ?", Integer.class, uscc)).isZero();
	}

	@Test
	void startingBeforeCnipaReviewSkipsTheRecommenderAndIsRefused() {
		asAdmin();
		ProcessInstance pi = runtime.createProcessInstanceByKey(OUTLET_FILING)
			.setVariables(application(uscc))
			.startBeforeActivity("cnipaReview")
			.execute();
		Task review = task(pi, "cnipaReview");

		assertThatThrownBy(() -> tasks.complete(review.getId(),
				Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案")))
			.satisfies(e -> assertThat(IllegalTransitionException.in(e)).isPresent());

		assertThat(task(pi, "cnipaReview")).as("the task stays open").isNotNull();
		assertThat(runtime.getVariable(pi.getId(), FILING_DECISION)).isNull();
		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void movingAnInstanceFromPreliminaryReviewToRegistrationIsRefused() {
		ProcessInstance pi = submitAndCheck();
		assertThat(pi).isWaitingAt("preliminaryReview");
		Counts before = counts();

		asAdmin();
		runtime.createProcessInstanceModification(pi.getId())
			.cancelAllForActivity("preliminaryReview")
			.startBeforeActivity("Task_Registration")
			.execute();
		failUntilIncident(pi);

		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.ELIGIBLE);
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void thePublicityTimerFiredOnDayOneCompletesNothingAndRegistrationRefuses() {
		ProcessInstance pi = submitAndCheck();
		recommendAndApprove(pi);
		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.IN_PUBLICITY);
		Counts before = counts();

		asAdmin();
		setClock(OffsetDateTime.parse("2026-03-03T10:00:00+08:00"));
		Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
		assertThatThrownBy(() -> management.executeJob(timer.getId()))
			.satisfies(e -> assertThat(IllegalTransitionException.in(e)).isPresent());
		assertThat(pi).isWaitingAt("Timer_PublicityEnds");
		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.IN_PUBLICITY);

		// Not even a registration started by hand during publicity files it.
		runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_Registration").execute();
		Job registration = management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_Registration")
			.singleResult();
		assertThatThrownBy(() -> management.executeJob(registration.getId()))
			.satisfies(e -> assertThat(IllegalTransitionException.in(e)).isPresent());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aStartSkippingCustomListenersStillRecordsTheApplicationAndTakesEveryStep() {
		Integer rows = jdbc.queryForObject("select count(*) from filing_application", Integer.class);
		asAdmin();
		ProcessInstance pi = runtime.createProcessInstanceByKey(OUTLET_FILING)
			.setVariables(application(uscc))
			.startBeforeActivity("StartEvent_Submitted")
			.execute(true, true);
		identity.clearAuthentication();
		Jobs.runDue(management, pi.getId());

		assertThat(pi.getBusinessKey()).matches("SQ-2026-\\d{6}");
		assertThat(jdbc.queryForObject("select count(*) from filing_application", Integer.class)).isEqualTo(rows + 1);
		assertThat(pi).isWaitingAt("preliminaryReview");
		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.ELIGIBLE);
		assertThat(applications.find(pi.getBusinessKey()).orElseThrow().applicant())
			.as("the authenticated starter, not the variable").isEqualTo("admin");
	}

	@Test
	void aStartSkippingCustomListenersBeforeRegistrationFilesNothing() {
		Counts before = counts();
		asAdmin();
		ProcessInstance pi = runtime.createProcessInstanceByKey(OUTLET_FILING)
			.setVariables(application(uscc))
			.startBeforeActivity("Task_Registration")
			.execute(true, true);
		failUntilIncident(pi);
		assertThat(pi.getBusinessKey()).as("the intake ran all the same").matches("SQ-2026-\\d{6}");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void anEndEventReachedByASkippedPathIsRefused(@Autowired BannedInstitutions banned) {
		ProcessInstance pi = submitAndCheck();
		asAdmin();
		Map<String, Object> forged = Map.of(FALSE_MATERIALS, true);
		assertThatThrownBy(() -> runtime.createProcessInstanceModification(pi.getId())
			.cancelAllForActivity("preliminaryReview")
			.startBeforeActivity("EndEvent_Rejected")
			.setVariables(forged)
			.execute()).satisfies(e -> assertThat(IllegalTransitionException.in(e)).isPresent());
		assertThat(pi).isWaitingAt("preliminaryReview");
		assertThat(banned.isBanned(uscc, LocalDate.parse("2026-03-02"))).as("nobody is banned by a forged refusal")
			.isFalse();
	}

	@Test
	void noNewObjectionOnceThePeriodIsOverAndTheFilingThenProceeds() {
		ProcessInstance pi = submitAndCheck();
		recommendAndApprove(pi);
		messages.raiseObjection(pi.getBusinessKey(), "案例不实", "某人 13900000000");

		setClock(OffsetDateTime.parse("2026-03-09T23:59:00+08:00"));
		messages.raiseObjection(pi.getBusinessKey(), "最后一天的异议", "某公司 021-88888888");
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleObjection").count())
			.isEqualTo(2);

		setClock(OffsetDateTime.parse("2026-03-10T00:00:01+08:00"));
		Jobs.runDue(management, pi.getId());
		List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleObjection").list();
		tasks.complete(open.get(0).getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "不成立"));
		Jobs.runDue(management, pi.getId());

		assertThatThrownBy(() -> messages.raiseObjection(pi.getBusinessKey(), "期满后的异议", "匿名 010-1"))
			.isInstanceOf(FilingMessages.NotInPublicityException.class);
		asAdmin();
		assertThatThrownBy(() -> runtime.createMessageCorrelation(MESSAGE_OBJECTION_RAISED)
			.processInstanceBusinessKey(pi.getBusinessKey())
			.setVariablesLocal(Map.of(OBJECTION, "管理员直接关联", OBJECTOR_CONTACT, "某人"))
			.correlate()).satisfies(e -> assertThat(IllegalTransitionException.in(e)).isPresent());
		identity.clearAuthentication();
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleObjection").count())
			.isEqualTo(1);

		Counts before = counts();
		tasks.complete(open.get(1).getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "不成立"));
		Jobs.runDue(management, pi.getId());
		assertThat(pi).isEnded().hasPassed("EndEvent_Filed");
		assertThat(statusOf(pi)).isEqualTo(ApplicationStatus.FILED);
		Counts after = counts();
		assertThat(after.outlets()).isEqualTo(before.outlets() + 1);
		assertThat(after.lifecycles()).isEqualTo(before.lifecycles() + 1);
		assertThat(after.nextFilingNumber()).isEqualTo(before.nextFilingNumber() + 1);
	}

	@Test
	void anObjectionWithoutContactIsRefusedEvenByDirectCorrelation() {
		ProcessInstance pi = submitAndCheck();
		recommendAndApprove(pi);
		asAdmin();
		assertThatThrownBy(() -> runtime.createMessageCorrelation(MESSAGE_OBJECTION_RAISED)
			.processInstanceBusinessKey(pi.getBusinessKey())
			.setVariablesLocal(Map.of(OBJECTION, "匿名异议"))
			.correlate()).hasStackTraceContaining("objectorContact");
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleObjection").count())
			.isZero();
	}

	// --- helpers ---

	record Counts(int outlets, long lifecycles, int nextFilingNumber) {
	}

	private Counts counts() {
		List<Integer> next = jdbc.queryForList(
				"select next_value from number_sequence where name = 'filing' and seq_year = ?", Integer.class, 2026);
		return new Counts(jdbc.queryForObject("select count(*) from outlet", Integer.class),
				runtime.createProcessInstanceQuery().processDefinitionKey("outlet-lifecycle").count(),
				next.isEmpty() ? 1 : next.get(0));
	}

	/** Executes the instance's failing job until its retries are used up. */
	private void failUntilIncident(ProcessInstance pi) {
		for (int attempt = 0; attempt < 3; attempt++) {
			Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
			assertThat(job.getRetries()).isEqualTo(3 - attempt);
			assertThatThrownBy(() -> management.executeJob(job.getId()))
				.satisfies(e -> assertThat(IllegalTransitionException.in(e)).isPresent());
		}
		assertThat(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getRetries()).isZero();
		assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
	}

	private void asAdmin() {
		identity.setAuthentication("admin", List.of("camunda-admin"));
	}

	private ApplicationStatus statusOf(ProcessInstance pi) {
		return applications.find(pi.getBusinessKey()).orElseThrow().status();
	}

	private ProcessInstance submitAndCheck() {
		ProcessInstance pi = runtime.startProcessInstanceByKey(OUTLET_FILING, application(uscc));
		Jobs.runDue(management, pi.getId());
		return pi;
	}

	private void recommendAndApprove(ProcessInstance pi) {
		tasks.complete(task(pi, "preliminaryReview").getId(),
				new HashMap<>(Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐")));
		Jobs.runDue(management, pi.getId());
		tasks.complete(task(pi, "cnipaReview").getId(),
				new HashMap<>(Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "予以公示")));
		Jobs.runDue(management, pi.getId());
		assertThat(pi).isWaitingAt("Timer_PublicityEnds");
	}

	private Task task(ProcessInstance pi, String taskKey) {
		return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
	}

	private static void setClock(OffsetDateTime time) {
		ClockUtil.setCurrentTime(Date.from(time.toInstant()));
	}

}
