package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
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
 * Records the decisions of {@code outlet-lifecycle} in the register (the {@link org.ipoutlet.register.Outlet}
 * aggregate) from built-in task listeners, which a diagram edited in Modeler cannot lose and
 * {@code skipCustomListeners} does not skip: the renewal's recommendation and approval (Art. 9) and
 * CNIPA's verification of a rectification (Art. 17). The renewal and the completion of a
 * rectification refuse to happen without them; see the README, "The filing's steps are guaranteed
 * by the application".
 */
@Component
public class LifecycleStepsPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<OutletLifecycle> lifecycle;

	public LifecycleStepsPlugin(ObjectProvider<OutletLifecycle> lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AttachSteps());
	}

	private class AttachSteps extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (!PROCESS_KEY.equals(((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey())) {
				return;
			}
			TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
			switch (activity.getId()) {
				case "reviewRenewal" -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> lifecycle.getObject().recordRenewalRecommendation(filingNo(t), flag(t, RENEWAL_RECOMMENDED)));
				case "approveRenewal" -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> lifecycle.getObject().recordRenewalApproval(filingNo(t), flag(t, RENEWAL_APPROVED)));
				case "verifyRectification" -> task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
						t -> lifecycle.getObject().recordRectificationVerdict(filingNo(t), flag(t, RECTIFIED)));
				default -> {
				}
			}
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
