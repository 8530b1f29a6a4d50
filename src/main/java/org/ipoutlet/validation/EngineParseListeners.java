package org.ipoutlet.validation;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * The registration of the application's BPMN parse listeners, the engine's documented extension
 * point that attaches built-in listeners to every deployed diagram (README, "The filing's steps are
 * guaranteed by the application"): the form rules, the guard and the steps of each process.
 */
public final class EngineParseListeners {

	private EngineParseListeners() {
	}

	/** A listener that runs before the engine's own parsing of each element (it sees the raw diagram). */
	public static void addPre(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		if (configuration.getCustomPreBPMNParseListeners() == null) {
			configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPreBPMNParseListeners().add(listener);
	}

	/** A listener that runs after the engine's own parsing (its listeners come after the pre ones). */
	public static void addPost(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(listener);
	}

	/** The key of the process that {@code scope} belongs to. */
	public static String processKey(ScopeImpl scope) {
		return ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
	}

	/** The task definition of a parsed user task, where built-in task listeners go. */
	public static TaskDefinition taskDefinition(ActivityImpl userTask) {
		return ((UserTaskActivityBehavior) userTask.getActivityBehavior()).getTaskDefinition();
	}

}
