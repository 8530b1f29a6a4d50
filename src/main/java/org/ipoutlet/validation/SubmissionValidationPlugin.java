package org.ipoutlet.validation;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Enforces the {@link SubmissionRules} inside the engine, whatever the diagram says: every deployed
 * process whose start form has rules validates the submission before the instance exists, and every
 * user task with rules validates its completion. A refusal rolls back the whole command: no process
 * instance, no variable, no job, the task stays open.
 */
@Component
class SubmissionValidationPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<SubmissionRules> rules;

	public SubmissionValidationPlugin(ObjectProvider<SubmissionRules> rules) {
		this.rules = rules;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineParseListeners.addPre(configuration, new AttachRules());
	}

	private class AttachRules extends AbstractBpmnParseListener {

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
			String key = processDefinition.getKey();
			if (rules.getObject().find(key, SubmissionRule.START).isPresent()) {
				processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, new ValidateStart(key), 0);
			}
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			String key = EngineParseListeners.processKey(scope);
			rules.getObject().find(key, activity.getId()).ifPresent(rule -> {
				TaskDefinition task = EngineParseListeners.taskDefinition(activity);
				TaskRules taskRules = new TaskRules(key, activity.getId());
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskRules);
				task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, taskRules);
			});
		}

	}

	private class ValidateStart implements ExecutionListener {

		private final String processKey;

		ValidateStart(String processKey) {
			this.processKey = processKey;
		}

		@Override
		public void notify(DelegateExecution execution) {
			Map<String, Object> normalized = rules.getObject().enforce(processKey, SubmissionRule.START,
					execution::getVariableTyped);
			normalized.forEach(execution::setVariable);
		}

	}

	/**
	 * On create, clears the task's decision fields; on complete, enforces the task's rules and stores
	 * normalized values with the variables' documented types.
	 */
	private class TaskRules implements TaskListener {

		private final String processKey;
		private final String step;

		TaskRules(String processKey, String step) {
			this.processKey = processKey;
			this.step = step;
		}

		@Override
		public void notify(DelegateTask task) {
			if (EVENTNAME_CREATE.equals(task.getEventName())) {
				rules.getObject()
					.find(processKey, step)
					.ifPresent(rule -> rule.decisionFields().forEach(task.getExecution()::removeVariable));
			}
			else {
				Map<String, Object> normalized = rules.getObject().enforce(processKey, step, task::getVariableTyped);
				normalized.forEach(task::setVariable);
			}
		}

	}

}
