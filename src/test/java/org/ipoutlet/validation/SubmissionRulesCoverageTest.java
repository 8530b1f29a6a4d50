package org.ipoutlet.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda Forms validate only in the browser: every form a deployed diagram uses must have
 * server-side rules, or a REST client could submit anything through it.
 */
@ProcessTest
class SubmissionRulesCoverageTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	SubmissionRules rules;

	@Test
	void everyStartFormAndTaskFormOfEveryDiagramHasServerSideRules() {
		List<String> forms = new ArrayList<>();
		List<String> unchecked = new ArrayList<>();
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
			BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
			for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
				if (start.getCamundaFormRef() != null) {
					forms.add(definition.getKey() + "/start");
					if (rules.find(definition.getKey(), SubmissionRule.START).isEmpty()) {
						unchecked.add(definition.getKey() + "/start (" + start.getCamundaFormRef() + ")");
					}
				}
			}
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				forms.add(definition.getKey() + "/" + task.getId());
				if (rules.find(definition.getKey(), task.getId()).isEmpty()) {
					unchecked.add(definition.getKey() + "/" + task.getId() + " (" + task.getCamundaFormRef() + ")");
				}
			}
		}
		assertThat(forms).contains("outlet-filing/start", "outlet-filing/preliminaryReview",
				"outlet-lifecycle/approveRenewal", "annual-report/aggregateAnnualReport");
		assertThat(unchecked).as("forms without server-side rules").isEmpty();
	}

}
