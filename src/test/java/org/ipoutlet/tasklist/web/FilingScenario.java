package org.ipoutlet.tasklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.filing.FilingVariables;

/**
 * A filing moved through its steps by the engine as the demo users would in Tasklist (start form,
 * claim, complete with the form's fields), for the tests of the Tasklist views.
 */
public final class FilingScenario {

	private final IdentityService identity;
	private final FormService forms;
	private final TaskService tasks;
	private final ManagementService management;
	private final RepositoryService repository;

	public FilingScenario(IdentityService identity, FormService forms, TaskService tasks, ManagementService management,
			RepositoryService repository) {
		this.identity = identity;
		this.forms = forms;
		this.tasks = tasks;
		this.management = management;
		this.repository = repository;
	}

	/** {@code applicant} submits the 备案表 (recommender Shanghai); returns the instance id, waiting at 初审和推荐. */
	public String submit(String applicant, String orgName) {
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.put("orgName", orgName);
		application.remove("applicant");
		String definitionId = repository.createProcessDefinitionQuery()
			.processDefinitionKey("outlet-filing")
			.latestVersion()
			.singleResult()
			.getId();
		String id = as(applicant, () -> forms.submitStartForm(definitionId, application).getId());
		Jobs.runDue(management, id);
		task(id, "preliminaryReview");
		return id;
	}

	/** {@code reviewer} claims the open task {@code key} and completes it with {@code decision}. */
	public String complete(String reviewer, String processInstanceId, String key, Map<String, Object> decision) {
		Task task = task(processInstanceId, key);
		as(reviewer, () -> {
			tasks.claim(task.getId(), reviewer);
			tasks.complete(task.getId(), decision);
			return null;
		});
		Jobs.runDue(management, processInstanceId);
		return task.getId();
	}

	/** Shanghai recommends: the filing goes to CNIPA's review. Returns the completed task's id. */
	public String recommend(String processInstanceId, String opinion) {
		String done = complete("shanghai", processInstanceId, "preliminaryReview",
				Map.of(FilingVariables.RECOMMENDATION, "RECOMMEND", FilingVariables.RECOMMENDER_OPINION, opinion,
						FilingVariables.RECOMMENDER_HEAD, "王局长"));
		task(processInstanceId, "cnipaReview");
		return done;
	}

	public Task task(String processInstanceId, String key) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
		assertThat(task).as("open task %s", key).isNotNull();
		return task;
	}

	public <T> T as(String user, Supplier<T> work) {
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
