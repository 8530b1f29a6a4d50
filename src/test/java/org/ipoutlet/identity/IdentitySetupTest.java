package org.ipoutlet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Groups, authorizations and Tasklist filters as the engine enforces them: every claim is checked
 * with {@code isUserAuthorized} or with a query/command run as an authenticated user.
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentitySetupTest {

	private static final String PROBE = "identity-setup-probe";
	private static final String SHANGHAI = Recommenders.groupOf("310000");
	private static final String BEIJING = Recommenders.groupOf("110000");

	@Autowired IdentitySetup setup;
	@Autowired Recommenders recommenders;
	@Autowired IdentityService identityService;
	@Autowired AuthorizationService authorizationService;
	@Autowired FilterService filterService;
	@Autowired RepositoryService repositoryService;
	@Autowired RuntimeService runtimeService;
	@Autowired TaskService taskService;
	@Autowired HistoryService historyService;
	@Autowired ApplicationContext context;

	private String deploymentId;

	@BeforeAll
	void deployProbe() {
		deploymentId = repositoryService.createDeployment()
			.name(PROBE)
			.addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.parallelGateway("fork")
				.userTask("recommenderTask").camundaCandidateGroups(SHANGHAI)
				.endEvent()
				.moveToNode("fork")
				.userTask("outletTask").camundaAssignee("${applicantUser}")
				.endEvent()
				.done())
			.deploy()
			.getId();
	}

	@AfterAll
	void undeployProbe() {
		repositoryService.deleteDeployment(deploymentId, true);
	}

	@AfterEach
	void logOut() {
		identityService.clearAuthentication();
	}

	@Test
	void createsTheContractGroupsAndOneGroupPerConfiguredRecommender() {
		Group admin = identityService.createGroupQuery().groupId("camunda-admin").singleResult();
		assertThat(admin.getType()).isEqualTo(Groups.GROUP_TYPE_SYSTEM);
		Group cnipa = identityService.createGroupQuery().groupId("cnipa-reviewers").singleResult();
		assertThat(cnipa.getName()).isEqualTo("国家知识产权局公共服务司");
		assertThat(cnipa.getType()).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
		assertThat(identityService.createGroupQuery().groupIdIn("outlets", "auditors").count()).isEqualTo(2);

		assertThat(recommenders.recommenders()).hasSizeGreaterThanOrEqualTo(38);
		for (Recommenders.Recommender recommender : recommenders.recommenders()) {
			Group group = identityService.createGroupQuery().groupId(recommender.groupId()).singleResult();
			assertThat(group).as(recommender.groupId()).isNotNull();
			assertThat(group.getName()).isEqualTo(recommender.name());
			assertThat(group.getType()).isEqualTo(Groups.GROUP_TYPE_WORKFLOW);
		}
		assertThat(identityService.createGroupQuery().groupId(SHANGHAI).singleResult().getName())
			.isEqualTo("上海市知识产权局");
		assertThat(identityService.createGroupQuery().groupId("recommender-mct").singleResult().getName())
			.isEqualTo("文化和旅游部");
	}

	@Test
	void secondRunChangesNothingAndCreatesNoDuplicates() {
		Map<String, Long> before = counts();
		setup.run();
		setup.run();
		assertThat(counts()).isEqualTo(before);
		for (String name : List.of(TasklistFilters.MINE, TasklistFilters.DEPARTMENT, TasklistFilters.ALL)) {
			assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
		}
	}

	private Map<String, Long> counts() {
		return Map.of("groups", identityService.createGroupQuery().count(),
				"authorizations", authorizationService.createAuthorizationQuery().count(),
				"filters", filterService.createFilterQuery().count());
	}

	@Test
	void adminHasAllOnEveryResourceType() {
		for (Resources resource : Resources.values()) {
			assertThat(can("camunda-admin", Permissions.ALL, resource, "anything")).as(resource.resourceName()).isTrue();
		}
	}

	@Test
	void cnipaReviewsTheThreeProcessesAndReadsEveryTask() {
		String g = "cnipa-reviewers";
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
		for (String key : List.of("outlet-filing", "outlet-lifecycle", "annual-report")) {
			for (Permission p : List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
					ProcessDefinitionPermissions.READ_INSTANCE)) {
				assertThat(can(g, p, Resources.PROCESS_DEFINITION, key)).as(key + " " + p.getName()).isTrue();
			}
			// Least power: CNIPA's orders and findings go through the API, never as engine writes.
			assertThat(can(g, ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, key)).isFalse();
			assertThat(can(g, ProcessDefinitionPermissions.DELETE_INSTANCE, Resources.PROCESS_DEFINITION, key)).isFalse();
			assertThat(can(g, ProcessDefinitionPermissions.UPDATE, Resources.PROCESS_DEFINITION, key)).isFalse();
		}
		assertThat(can(g, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "some-other")).isFalse();
		assertThat(can(g, TaskPermissions.READ, Resources.TASK, "any-task")).isTrue();
		assertThat(can(g, TaskPermissions.TASK_WORK, Resources.TASK, "any-task")).isFalse();
		assertThat(can(g, Permissions.CREATE, Resources.DEPLOYMENT, ANY)).isFalse();
	}

	@Test
	void recommendersReadTheThreeProcessesAndNothingElse() {
		for (Recommenders.Recommender recommender : recommenders.recommenders()) {
			String g = recommender.groupId();
			assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(g).isTrue();
			assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(g).isFalse();
			for (String key : List.of("outlet-filing", "outlet-lifecycle", "annual-report")) {
				assertThat(can(g, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, key)).isTrue();
				assertThat(can(g, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, key))
					.isFalse();
			}
			assertThat(can(g, TaskPermissions.READ, Resources.TASK, "any-task")).as(g).isFalse();
		}
	}

	@Test
	void outletsStartFilingsOnly() {
		String g = "outlets";
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
		assertThat(can(g, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "outlet-filing")).isTrue();
		assertThat(can(g, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "outlet-filing"))
			.isTrue();
		assertThat(can(g, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, ANY)).isTrue();
		assertThat(can(g, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
				"outlet-lifecycle")).isFalse();
		assertThat(can(g, ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, "outlet-filing"))
			.isFalse();
		assertThat(can(g, TaskPermissions.READ, Resources.TASK, "any-task")).isFalse();

		identityService.setAuthentication("outlet-probe", List.of(g));
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROBE, Map.of("applicantUser", "x")))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void auditorsReadEverythingAndChangeNothing() {
		String g = "auditors";
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
		assertThat(can(g, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
		for (Permission p : List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK)) {
			assertThat(can(g, p, Resources.PROCESS_DEFINITION, "outlet-filing")).as(p.getName()).isTrue();
		}
		assertThat(can(g, Permissions.READ, Resources.PROCESS_INSTANCE, "any")).isTrue();
		assertThat(can(g, Permissions.READ, Resources.DEPLOYMENT, "any")).isTrue();
		assertThat(can(g, Permissions.READ, Resources.TASK, "any")).isTrue();
		assertThat(can(g, org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ, Resources.HISTORIC_PROCESS_INSTANCE, "any")).isTrue();
		assertThat(can(g, org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ, Resources.HISTORIC_TASK, "any")).isTrue();
		assertThat(can(g, org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions.READ, Resources.OPERATION_LOG_CATEGORY, "any")).isTrue();
		assertThat(can(g, Permissions.READ, Resources.DECISION_DEFINITION, "any")).isTrue();

		// No write permission of any kind on any resource type.
		for (Resources resource : Resources.values()) {
			for (Permission p : writePermissionsOf(resource)) {
				assertThat(can(g, p, resource, "any")).as(resource.resourceName() + " " + p.getName()).isFalse();
			}
		}
	}

	private static List<Permission> writePermissionsOf(Resources resource) {
		return Arrays.stream(allPermissionEnums())
			.flatMap(Arrays::stream)
			.filter(p -> Arrays.asList(p.getTypes()).contains(resource))
			.filter(p -> !p.getName().startsWith("READ") && !p.getName().equals("NONE") && !p.getName().equals("ACCESS"))
			.toList();
	}

	private static Permission[][] allPermissionEnums() {
		return new Permission[][] { Permissions.values(), ProcessDefinitionPermissions.values(),
				ProcessInstancePermissions.values(), TaskPermissions.values(),
				org.camunda.bpm.engine.authorization.HistoricTaskPermissions.values(),
				org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.values(),
				org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions.values(),
				org.camunda.bpm.engine.authorization.BatchPermissions.values(),
				org.camunda.bpm.engine.authorization.SystemPermissions.values() };
	}

	@Test
	void candidateGroupAloneSeesAndWorksARecommenderTask() {
		ProcessInstance pi = startProbe("applicant-" + System.nanoTime());
		Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("recommenderTask")
			.singleResult();

		identityService.setAuthentication("beijing-probe", List.of(BEIJING));
		assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThatThrownBy(() -> taskService.complete(task.getId())).isInstanceOf(AuthorizationException.class);

		identityService.setAuthentication("auditor-probe", List.of("auditors"));
		assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
		assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).count())
			.isEqualTo(1);
		assertThatThrownBy(() -> taskService.complete(task.getId())).isInstanceOf(AuthorizationException.class);

		identityService.setAuthentication("cnipa-probe", List.of("cnipa-reviewers"));
		assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(2);
		assertThatThrownBy(() -> taskService.claim(task.getId(), "cnipa-probe"))
			.isInstanceOf(AuthorizationException.class);

		identityService.setAuthentication("shanghai-probe", List.of(SHANGHAI));
		assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).list())
			.extracting(Task::getTaskDefinitionKey).containsExactly("recommenderTask");
		taskService.claim(task.getId(), "shanghai-probe");
		taskService.complete(task.getId());
		identityService.clearAuthentication();
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void outletUserWorksItsOwnTaskThroughTheAssigneeGrant() {
		String applicant = "applicant-" + System.nanoTime();
		ProcessInstance pi = startProbe(applicant);
		Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("outletTask")
			.singleResult();

		identityService.setAuthentication("other-" + applicant, List.of("outlets"));
		assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThatThrownBy(() -> taskService.complete(task.getId())).isInstanceOf(AuthorizationException.class);

		identityService.setAuthentication(applicant, List.of("outlets"));
		assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).list())
			.extracting(Task::getTaskDefinitionKey).containsExactly("outletTask");
		taskService.complete(task.getId());
		identityService.clearAuthentication();
		assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	@Test
	void filtersAreVisibleToTheGroupsThatUseThem() {
		assertThat(visibleFilters("shanghai-probe", SHANGHAI))
			.containsExactlyInAnyOrder(TasklistFilters.MINE, TasklistFilters.DEPARTMENT);
		assertThat(visibleFilters("cnipa-probe", "cnipa-reviewers"))
			.containsExactlyInAnyOrder(TasklistFilters.MINE, TasklistFilters.DEPARTMENT, TasklistFilters.ALL);
		assertThat(visibleFilters("applicant-probe", "outlets")).containsExactly(TasklistFilters.MINE);
		assertThat(visibleFilters("auditor-probe", "auditors")).isEmpty();

		Filter filter = filterService.createFilterQuery().filterName(TasklistFilters.DEPARTMENT).singleResult();
		assertThat(filter.getProperties()).containsKeys("description", "priority");
	}

	@Test
	void departmentAndMineFiltersFollowTheCurrentUser() {
		String applicant = "applicant-" + System.nanoTime();
		ProcessInstance pi = startProbe(applicant);
		String department = filterId(TasklistFilters.DEPARTMENT);
		String mine = filterId(TasklistFilters.MINE);

		identityService.setAuthentication("shanghai-probe", List.of(SHANGHAI));
		assertThat(this.<Task>inInstance(() -> filterService.list(department), pi))
			.extracting(Task::getTaskDefinitionKey).containsExactly("recommenderTask");
		identityService.setAuthentication("beijing-probe", List.of(BEIJING));
		assertThat(this.<Task>inInstance(() -> filterService.list(department), pi)).isEmpty();
		identityService.setAuthentication(applicant, List.of("outlets"));
		assertThat(this.<Task>inInstance(() -> filterService.list(mine), pi))
			.extracting(Task::getTaskDefinitionKey).containsExactly("outletTask");
		identityService.clearAuthentication();
		runtimeService.deleteProcessInstance(pi.getId(), "test done");
	}

	private List<Task> inInstance(Supplier<List<Task>> tasks, ProcessInstance pi) {
		return tasks.get().stream().filter(t -> pi.getId().equals(t.getProcessInstanceId())).toList();
	}

	private String filterId(String name) {
		return filterService.createFilterQuery().filterName(name).singleResult().getId();
	}

	private List<String> visibleFilters(String userId, String groupId) {
		identityService.setAuthentication(userId, List.of(groupId));
		try {
			return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void testProfileCreatesNoDemoUser() {
		assertThat(context.getBeanNamesForType(DemoUsers.class)).isEmpty();
		assertThat(identityService.createUserQuery().userId("admin").count()).isZero();
		assertThat(identityService.checkPassword("admin", "admin")).isFalse();
	}

	private ProcessInstance startProbe(String applicant) {
		return runtimeService.startProcessInstanceByKey(PROBE, Map.of("applicantUser", applicant));
	}

	private boolean can(String groupId, Permission permission, Resource resource, String resourceId) {
		return authorizationService.isUserAuthorized("probe-user", List.of(groupId), permission, resource, resourceId);
	}

}
