package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.PUBLICITY_SUBPROCESS;

import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ipoutlet.TaskKeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.ipoutlet.validation.EngineParseListeners;

/**
 * Attaches the steps of {@code outlet-filing} to every deployed version of the diagram as built-in
 * listeners: the diagram cannot lose them in Modeler, and {@code skipCustomListeners} does not skip
 * them. They run after the form rules of the validation plugin (which are pre-parse listeners), so
 * they see the validated, normalized decisions. See the README, "The filing's steps are guaranteed
 * by the application".
 */
@Component
class FilingStepsPlugin extends AbstractProcessEnginePlugin {

	/** End events and the outcome each records (Art. 7). */
	static final Map<String, FilingOutcome> END_EVENTS = Map.of("EndEvent_Ineligible", FilingOutcome.INELIGIBLE,
			"EndEvent_NotRecommended", FilingOutcome.NOT_RECOMMENDED, "EndEvent_FalseMaterialsReviewed",
			FilingOutcome.NOT_RECOMMENDED, "EndEvent_Withdrawn", FilingOutcome.WITHDRAWN,
			"EndEvent_Rejected", FilingOutcome.REJECTED, "EndEvent_ObjectionUpheldOutcome",
			FilingOutcome.OBJECTION_UPHELD, "EndEvent_Filed", FilingOutcome.FILED);

	private final ObjectProvider<ApplicationIntake> intake;
	private final ObjectProvider<FilingSteps> steps;
	private final ObjectProvider<FilingOutcomes> outcomes;

	public FilingStepsPlugin(ObjectProvider<ApplicationIntake> intake, ObjectProvider<FilingSteps> steps,
			ObjectProvider<FilingOutcomes> outcomes) {
		this.intake = intake;
		this.steps = steps;
		this.outcomes = outcomes;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineParseListeners.addPost(configuration, new AttachSteps());
	}

	private class AttachSteps extends AbstractBpmnParseListener {

		@Override
		public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
			if (OUTLET_FILING.equals(processDefinition.getKey())) {
				processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
						(ExecutionListener) execution -> intake.getObject().notify(execution));
			}
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (!filing(scope)) {
				return;
			}
			TaskDefinition task = EngineParseListeners.taskDefinition(activity);
			switch (activity.getId()) {
				case TaskKeys.PRELIMINARY_REVIEW -> onComplete(task, t -> steps.getObject().recommendation(t));
				case TaskKeys.SUPPLEMENT_MATERIALS -> onComplete(task, t -> steps.getObject().supplement(t));
				case TaskKeys.CNIPA_REVIEW -> onComplete(task, t -> steps.getObject().filingDecision(t));
				case TaskKeys.CONFIRM_FALSE_MATERIALS -> onComplete(task, t -> steps.getObject().falseMaterialsReview(t));
				case TaskKeys.HANDLE_OBJECTION -> {
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, t -> steps.getObject().objectionRaised(t));
					onComplete(task, t -> steps.getObject().objectionFinding(t));
				}
				default -> {
				}
			}
		}

		@Override
		public void parseSubProcess(Element subProcessElement, ScopeImpl scope, ActivityImpl activity) {
			if (filing(scope) && PUBLICITY_SUBPROCESS.equals(activity.getId())) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
					// Interrupted (an upheld objection) or cancelled (an instance modification): publicity
					// did not complete, and the status stays as it is.
					if (!((ExecutionEntity) execution).isCanceled()) {
						steps.getObject().publicityOver(execution);
					}
				});
			}
		}

		@Override
		public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
			FilingOutcome outcome = END_EVENTS.get(activity.getId());
			if (filing(scope) && outcome != null) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
						(ExecutionListener) execution -> outcomes.getObject().close(execution, outcome.name()));
			}
		}

		private static boolean filing(ScopeImpl scope) {
			return OUTLET_FILING.equals(EngineParseListeners.processKey(scope));
		}

		private static void onComplete(TaskDefinition task, Consumer<DelegateTask> step) {
			task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, step::accept);
		}

	}

}
