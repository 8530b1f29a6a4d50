package org.ipoutlet.identity;

import static org.ipoutlet.ProcessKeys.ANNUAL_REPORT;
import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.ipoutlet.identity.AppGroups.ADMIN;
import static org.ipoutlet.identity.AppGroups.AUDITORS;
import static org.ipoutlet.identity.AppGroups.CNIPA_REVIEWERS;
import static org.ipoutlet.identity.AppGroups.OUTLETS;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the README ("Reference"), their authorizations and the Tasklist filters at start-up.
 * Idempotent: a second start finds everything in place and writes nothing.
 *
 * <p>Runs on {@link ApplicationReadyEvent}: the engine, its schema and the auto-deployment exist by
 * then. Camunda's PostDeployEvent is published only by an {@code @EnableProcessApplication}, which
 * this application does not use.
 */
@Component
@EnableConfigurationProperties(Recommenders.class)
class IdentitySetup {

	static final String CNIPA_NAME = "国家知识产权局公共服务司";

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private static final List<String> REVIEWED_PROCESSES = List.of(OUTLET_FILING, OUTLET_LIFECYCLE, ANNUAL_REPORT);

	private final IdentityService identity;
	private final Grants grants;
	private final TasklistFilters filters;
	private final Recommenders recommenders;

	IdentitySetup(IdentityService identity, AuthorizationService authorizations, TasklistFilters filters,
			Recommenders recommenders) {
		this.identity = identity;
		this.grants = new Grants(authorizations);
		this.filters = filters;
		this.recommenders = recommenders;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	public void onReady() {
		run();
		log.info("Identity set up: {} recommender groups", recommenders.recommenders().size());
	}

	/** Creates what is missing; safe to call any number of times. */
	public void run() {
		group(ADMIN, "系统管理员", Groups.GROUP_TYPE_SYSTEM);
		group(CNIPA_REVIEWERS, CNIPA_NAME, Groups.GROUP_TYPE_WORKFLOW);
		group(OUTLETS, "信息公共服务网点", Groups.GROUP_TYPE_WORKFLOW);
		group(AUDITORS, "审计监督", Groups.GROUP_TYPE_WORKFLOW);
		recommenders.recommenders().forEach(r -> group(r.groupId(), r.name(), Groups.GROUP_TYPE_WORKFLOW));

		grantAdmin();
		grantCnipa();
		recommenders.recommenders().forEach(r -> grantRecommender(r.groupId()));
		grantOutlets();
		grantAuditors();
		filters.ensure(recommenders.recommenders().stream().map(Recommenders.Recommender::groupId).toList());
	}

	private void group(String id, String name, String type) {
		Group group = identity.createGroupQuery().groupId(id).singleResult();
		if (group == null) {
			group = identity.newGroup(id);
		}
		else if (name.equals(group.getName()) && type.equals(group.getType())) {
			return;
		}
		group.setName(name);
		group.setType(type);
		identity.saveGroup(group);
	}

	private void grantAdmin() {
		for (Resources resource : Resources.values()) {
			grants.grant(ADMIN, resource, ANY, ALL);
		}
	}

	private void grantCnipa() {
		grants.grant(CNIPA_REVIEWERS, APPLICATION, "tasklist", ACCESS);
		grants.grant(CNIPA_REVIEWERS, APPLICATION, "cockpit", ACCESS);
		grants.grant(CNIPA_REVIEWERS, GROUP, CNIPA_REVIEWERS, Permissions.READ);
		for (String key : REVIEWED_PROCESSES) {
			// National oversight reads everything; what CNIPA decides beyond its tasks (orders, findings,
			// designations) goes through the application's API, never as engine writes (README: Security).
			grants.grant(CNIPA_REVIEWERS, PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
					ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
		}
		// National oversight: every task is visible; working one still needs the candidate grant.
		grants.grant(CNIPA_REVIEWERS, TASK, ANY, TaskPermissions.READ);
	}

	private void grantRecommender(String groupId) {
		grants.grant(groupId, APPLICATION, "tasklist", ACCESS);
		grants.grant(groupId, GROUP, groupId, Permissions.READ);
		for (String key : REVIEWED_PROCESSES) {
			grants.grant(groupId, PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
		}
	}

	private void grantOutlets() {
		grants.grant(OUTLETS, APPLICATION, "tasklist", ACCESS);
		grants.grant(OUTLETS, GROUP, OUTLETS, Permissions.READ);
		grants.grant(OUTLETS, PROCESS_DEFINITION, OUTLET_FILING, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		// Tasklist shows the process name and diagram of an outlet's lifecycle tasks (annual summary,
		// rectification, renewal); the tasks themselves come through assignee authorizations.
		grants.grant(OUTLETS, PROCESS_DEFINITION, OUTLET_LIFECYCLE, ProcessDefinitionPermissions.READ);
		grants.grant(OUTLETS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
	}

	private void grantAuditors() {
		grants.grant(AUDITORS, APPLICATION, "cockpit", ACCESS);
		grants.grant(AUDITORS, GROUP, AUDITORS, Permissions.READ);
		grants.grant(AUDITORS, PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.READ_TASK);
		grants.grant(AUDITORS, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
		grants.grant(AUDITORS, DEPLOYMENT, ANY, Permissions.READ);
		grants.grant(AUDITORS, TASK, ANY, TaskPermissions.READ);
		grants.grant(AUDITORS, HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
		grants.grant(AUDITORS, HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
		grants.grant(AUDITORS, OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
		grants.grant(AUDITORS, DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
		grants.grant(AUDITORS, DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
	}

}
