package org.ipoutlet.lifecycle;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.register.OutletStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.ipoutlet.validation.EngineParseListeners;

/**
 * Records the decisions of {@code outlet-lifecycle} in the register (the {@link org.ipoutlet.register.Outlet}
 * aggregate) from built-in task listeners, which a diagram edited in Modeler cannot lose and
 * {@code skipCustomListeners} does not skip: the renewal's recommendation and approval (Art. 9) and
 * CNIPA's verification of a rectification and its revocation decision (Art. 17), who recorded a change
 * report (Art. 10); and, like {@code outlet-filing}, the outcome
 * on the end events that close the filing ({@link #END_EVENTS}). The renewal and the completion of a
 * rectification refuse to happen without them; see the README, "The filing's steps are guaranteed
 * by the application".
 */
@Component
class LifecycleStepsPlugin extends AbstractProcessEnginePlugin {

	/** The end events that close a filing and the register status each records as {@code lifecycleOutcome}. */
	static final Map<String, OutletStatus> END_EVENTS = Map.of("EndEvent_Expired", OutletStatus.EXPIRED,
			"EndEvent_RevokedAfterRectification", OutletStatus.REVOKED, "EndEvent_RevokedForMisconduct",
			OutletStatus.REVOKED, "EndEvent_Cancelled", OutletStatus.CANCELLED);

	private final ObjectProvider<OutletLifecycle> lifecycle;

	public LifecycleStepsPlugin(ObjectProvider<OutletLifecycle> lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineParseListeners.addPost(configuration, new AttachSteps());
	}

	private class AttachSteps extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (!OUTLET_LIFECYCLE.equals(EngineParseListeners.processKey(scope))) {
				return;
			}
			TaskDefinition task = EngineParseListeners.taskDefinition(activity);
			switch (activity.getId()) {
				case TaskKeys.REVIEW_RENEWAL -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> lifecycle.getObject().recordRenewalRecommendation(filingNo(t), flag(t, RENEWAL_RECOMMENDED)));
				case TaskKeys.APPROVE_RENEWAL -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> lifecycle.getObject().recordRenewalApproval(filingNo(t), flag(t, RENEWAL_APPROVED)));
				case TaskKeys.VERIFY_RECTIFICATION -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, t -> {
					lifecycle.getObject().recordRectificationVerdict(filingNo(t), flag(t, RECTIFIED));
					// Art. 17: a verification decided after the deadline ends the period (no further report).
					t.getExecution().setVariable(RECTIFICATION_PERIOD_OVER,
							lifecycle.getObject().rectificationPeriodOver(filingNo(t)));
				});
				case TaskKeys.DECIDE_REVOCATION -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> lifecycle.getObject().recordRevocationDecision(filingNo(t), flag(t, REVOKE),
								(String) t.getVariable(REVOCATION_DECISION), authenticatedUser()));
				case TaskKeys.RECORD_CHANGE_REPORT -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> t.getExecution().setVariable(CHANGE_RECORDED_BY, authenticatedUser()));
				default -> {
				}
			}
		}

		@Override
		public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
			OutletStatus outcome = END_EVENTS.get(activity.getId());
			if (outcome != null && OUTLET_LIFECYCLE.equals(EngineParseListeners.processKey(scope))) {
				activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
						(ExecutionListener) execution -> execution.setVariable(LIFECYCLE_OUTCOME, outcome.name()));
			}
		}

		/** Who completes the task: the authenticated user of the command, never a typed value. */
		private static String authenticatedUser() {
			return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
		}

		private static String filingNo(DelegateTask task) {
			return (String) task.getVariable(FILING_NO);
		}

		private static boolean flag(DelegateTask task, String name) {
			Object value = task.getVariable(name);
			return Boolean.TRUE.equals(value) || "true".equals(value);
		}

	}

}
