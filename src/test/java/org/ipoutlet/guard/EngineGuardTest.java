package org.ipoutlet.guard;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipoutlet.filing.FilingVariables.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guard through the engine's Java API, as the REST resources and the webapps call it: the same
 * commands, run while a user is authenticated. (HTTP routes are tested in the security package.)
 */
@WebTest
class EngineGuardTest {

	private static final List<String> OUTLETS = List.of("outlets");
	private static final List<String> SHANGHAI = List.of("recommender-310000");
	private static final List<String> CNIPA = List.of("cnipa-reviewers");
	private static final List<String> AUDITORS = List.of("auditors");

	@Autowired
	RuntimeService runtime;
	@Autowired
	TaskService tasks;
	@Autowired
	ManagementService management;
	@Autowired
	HistoryService history;
	@Autowired
	IdentityService identity;
	@Autowired
	FilterService filters;

	@AfterEach
	void logOut() {
		identity.clearAuthentication();
	}

	private ProcessInstance submitAsApplicant() {
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.remove(APPLICANT);
		identity.setAuthentication("applicant", OUTLETS);
		ProcessInstance pi = runtime.startProcessInstanceByKey(OUTLET_FILING, application);
		identity.clearAuthentication();
		Jobs.runDue(management, pi.getId());
		return pi;
	}

	private Task task(ProcessInstance pi, String key) {
		return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
	}

	private static List<String> fields(Throwable thrown) {
		return SubmissionRejectedException.in(thrown).orElseThrow().errors().stream().map(FieldError::field).toList();
	}

	@Test
	void aCompletionCarriesOnlyItsFormsFieldsAndARefusalWritesNothing() {
		ProcessInstance pi = submitAsApplicant();
		Task review = task(pi, "preliminaryReview");
		Object usccBefore = runtime.getVariable(pi.getId(), USCC);

		identity.setAuthentication("shanghai", SHANGHAI);
		Map<String, Object> forged = new HashMap<>(Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐",
				USCC, "91310000MA1FL0000X", ORG_NAME, "<b>改名</b>", RECOMMENDER_ID, "110000", APPLICANT, "shanghai",
				OUTCOME, "FILED"));
		assertThatThrownBy(() -> tasks.complete(review.getId(), forged))
			.satisfies(thrown -> assertThat(fields(thrown)).containsExactlyInAnyOrder(USCC, ORG_NAME, RECOMMENDER_ID,
					APPLICANT, OUTCOME));
		identity.clearAuthentication();

		assertThat(task(pi, "preliminaryReview")).as("the task stays open").isNotNull();
		assertThat(runtime.getVariable(pi.getId(), USCC)).isEqualTo(usccBefore);
		assertThat(runtime.getVariable(pi.getId(), RECOMMENDATION)).isNull();
	}

	@Test
	void aStartCarriesOnlyTheFormsFieldsAndTheDocumentsSoTheApplicantCannotBeForged() {
		long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_FILING).count();
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.put(APPLICANT, "applicant2");
		application.put(OUTCOME, "FILED");
		application.put(ELIGIBLE, true);
		identity.setAuthentication("applicant", OUTLETS);
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OUTLET_FILING, application))
			.satisfies(thrown -> assertThat(fields(thrown)).containsExactlyInAnyOrder(APPLICANT, OUTCOME, ELIGIBLE));
		identity.clearAuthentication();
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_FILING).count()).isEqualTo(before);
	}

	@Test
	void startInstructionsAndSkippedListenersAreForAdministratorsOnly() {
		long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_FILING).count();
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.remove(APPLICANT);
		identity.setAuthentication("applicant", OUTLETS);
		assertThatThrownBy(() -> runtime.createProcessInstanceByKey(OUTLET_FILING).setVariables(application)
			.startBeforeActivity("Task_Registration").execute()).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.createProcessInstanceByKey(OUTLET_FILING).setVariables(application)
			.startBeforeActivity("cnipaReview").execute(true, true)).isInstanceOf(AuthorizationException.class);
		identity.clearAuthentication();
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_FILING).count()).isEqualTo(before);
	}

	@Test
	void cnipaCannotRunJobsModifyInstancesWriteVariablesOrCorrelateMessages() {
		ProcessInstance pi = submitAsApplicant();
		String jobId = management.createJobQuery().processInstanceId(pi.getId()).list().stream().findFirst()
			.map(j -> j.getId()).orElse(null);
		identity.setAuthentication("cnipa", CNIPA);
		assertThatThrownBy(() -> runtime.setVariable(pi.getId(), RECOMMENDATION, "RECOMMEND"))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity("Task_Registration")
			.execute()).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.createMessageCorrelation("ObjectionRaised").processInstanceId(pi.getId())
			.correlate()).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> runtime.deleteProcessInstance(pi.getId(), "x")).isInstanceOf(AuthorizationException.class);
		if (jobId != null) {
			assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(AuthorizationException.class);
		}
		assertThatThrownBy(() -> management.createMetricsQuery().name("job-successful").sum())
			.isInstanceOf(AuthorizationException.class);
		Task review = task(pi, "preliminaryReview");
		assertThatThrownBy(() -> tasks.handleBpmnError(review.getId(), "OBJECTION_UPHELD"))
			.isInstanceOf(AuthorizationException.class);
		identity.clearAuthentication();
		assertThat(runtime.getVariable(pi.getId(), RECOMMENDATION)).isNull();
		assertThat(task(pi, "preliminaryReview")).isNotNull();
	}

	@Test
	void tasksGoOnlyToMembersOfTheirCandidateGroups() {
		ProcessInstance pi = submitAsApplicant();
		String review = task(pi, "preliminaryReview").getId();

		identity.setAuthentication("shanghai", SHANGHAI);
		assertThatThrownBy(() -> tasks.claim(review, "applicant"))
			.satisfies(thrown -> assertThat(fields(thrown)).containsExactly("assignee"));
		assertThatThrownBy(() -> tasks.addCandidateGroup(review, "outlets")).isInstanceOf(AuthorizationException.class);
		assertThat(task(pi, "preliminaryReview").getAssignee()).isNull();
		tasks.claim(review, "shanghai");
		Task claimed = task(pi, "preliminaryReview");
		claimed.setDueDate(new java.util.Date(0));
		assertThatThrownBy(() -> tasks.saveTask(claimed)).isInstanceOf(AuthorizationException.class);

		// The rule is the regulation's, not a permission: an administrator cannot hand it over either.
		identity.setAuthentication("admin", List.of("camunda-admin"));
		for (String outsider : List.of("applicant", "beijing", "cnipa")) {
			assertThatThrownBy(() -> tasks.setAssignee(review, outsider))
				.satisfies(thrown -> assertThat(fields(thrown)).containsExactly("assignee"));
			assertThatThrownBy(() -> tasks.delegateTask(review, outsider))
				.satisfies(thrown -> assertThat(fields(thrown)).containsExactly("assignee"));
			assertThatThrownBy(() -> tasks.setOwner(review, outsider))
				.satisfies(thrown -> assertThat(fields(thrown)).containsExactly("owner"));
		}
		identity.clearAuthentication();
		assertThat(task(pi, "preliminaryReview").getAssignee()).isEqualTo("shanghai");
		assertThat(task(pi, "preliminaryReview").getOwner()).isNull();
		assertThat(task(pi, "preliminaryReview").getDueDate()).isNull();
	}

	@Test
	void theApplicantsOwnTaskGoesToNobodyElse() {
		ProcessInstance pi = submitAsApplicant();
		String review = task(pi, "preliminaryReview").getId();
		identity.setAuthentication("shanghai", SHANGHAI);
		tasks.complete(review, Map.of(RECOMMENDATION, "RETURN", RECOMMENDER_OPINION, "请补充团队人员简历"));
		identity.clearAuthentication();
		Jobs.runDue(management, pi.getId());
		Task supplement = task(pi, "supplementMaterials");
		assertThat(supplement.getAssignee()).isEqualTo("applicant");
		identity.setAuthentication("admin", List.of("camunda-admin"));
		assertThatThrownBy(() -> tasks.setAssignee(supplement.getId(), "applicant2"))
			.satisfies(thrown -> assertThat(fields(thrown)).containsExactly("assignee"));
		tasks.setAssignee(supplement.getId(), "applicant");
		identity.clearAuthentication();
		assertThat(task(pi, "supplementMaterials").getAssignee()).isEqualTo("applicant");
	}

	@Test
	void auditorsReadButWriteNothingAndCommentsGoOnlyOnOnesOwnTasks() {
		ProcessInstance pi = submitAsApplicant();
		String review = task(pi, "preliminaryReview").getId();
		identity.setAuthentication("auditor", AUDITORS);
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
		assertThatThrownBy(() -> tasks.createComment(review, pi.getId(), "审计意见")).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> tasks.setVariable(review, "x", 1)).isInstanceOf(AuthorizationException.class);
		identity.setAuthentication("cnipa", CNIPA);
		assertThatThrownBy(() -> tasks.createComment(review, pi.getId(), "不是我的任务")).isInstanceOf(AuthorizationException.class);
		identity.setAuthentication("shanghai", SHANGHAI);
		tasks.createComment(review, pi.getId(), "初审中");
		identity.clearAuthentication();
		assertThat(tasks.getTaskComments(review)).extracting(c -> c.getFullMessage()).containsExactly("初审中");
	}

	@Test
	void noExpressionOfAUserIsEvaluatedInAnyQueryOrFilter() throws Exception {
		Path marker = Path.of(System.getProperty("java.io.tmpdir"), "guard-marker-" + UUID.randomUUID());
		String exec = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch " + marker + "')";
		identity.setAuthentication("applicant", OUTLETS);
		assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression("${" + exec + "}").endOr().list())
			.isInstanceOf(BadUserRequestException.class);
		assertThatThrownBy(() -> tasks.createTaskQuery().or().taskCandidateGroupExpression("#{" + exec + "}").endOr().count())
			.isInstanceOf(BadUserRequestException.class);
		assertThatThrownBy(() -> tasks.createTaskQuery().dueAfterExpression("${" + exec + "}").list())
			.isInstanceOf(BadUserRequestException.class);
		Filter mine = filters.createFilterQuery().filterName("我的待办").singleResult();
		assertThatThrownBy(() -> filters.list(mine.getId(), tasks.createTaskQuery().or()
			.taskAssigneeExpression("${" + exec + "}").endOr())).isInstanceOf(BadUserRequestException.class);
		assertThatThrownBy(() -> filters.saveFilter(filters.newTaskFilter("x").setQuery(tasks.createTaskQuery())))
			.isInstanceOf(AuthorizationException.class);

		// Even an administrator's stored filter cannot run code: the expression manager refuses it.
		identity.setAuthentication("admin", List.of("camunda-admin"));
		Filter bad = filters.saveFilter(filters.newTaskFilter("guard-test-" + UUID.randomUUID())
			.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${" + exec + "}")));
		assertThatThrownBy(() -> filters.count(bad.getId())).isInstanceOf(ProcessEngineException.class);
		filters.deleteFilter(bad.getId());
		identity.clearAuthentication();
		assertThat(Files.exists(marker)).as("no command ran").isFalse();

		// Tasklist's own filters keep working.
		submitAsApplicant();
		identity.setAuthentication("shanghai", SHANGHAI);
		Filter department = filters.createFilterQuery().filterName("本部门待办").singleResult();
		assertThat(filters.count(department.getId())).isPositive();
	}

}
