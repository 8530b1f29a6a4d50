package org.ipoutlet.guard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.ipoutlet.validation.EngineParseListeners;

/**
 * Installs the guard in the engine (README: Security): the command firewall first in both command
 * chains, the submission checks inside the command context, the guarded expression manager, the
 * assignment guard on every user task; expressions in ad-hoc queries off (the engine's own check,
 * kept as a second line).
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext applicationContext;

	EngineGuardPlugin(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnableExpressionsInAdhocQueries(false);
		if (configuration.getExpressionManager() == null
				|| configuration.getExpressionManager() instanceof SpringExpressionManager) {
			configuration.setExpressionManager(new GuardedExpressionManager(applicationContext, configuration.getBeans()));
		}
		else {
			throw new IllegalStateException("Unexpected expression manager "
					+ configuration.getExpressionManager().getClass().getName() + ": the guard cannot wrap it");
		}
		// One interceptor instance per chain: an interceptor holds its chain's next element.
		configuration.setCustomPreCommandInterceptorsTxRequired(first(configuration.getCustomPreCommandInterceptorsTxRequired(),
				new CommandFirewall(configuration.getIdentityService())));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(first(configuration.getCustomPreCommandInterceptorsTxRequiresNew(),
				new CommandFirewall(configuration.getIdentityService())));
		configuration.setCustomPostCommandInterceptorsTxRequired(first(configuration.getCustomPostCommandInterceptorsTxRequired(), new SubmissionFirewall()));
		configuration.setCustomPostCommandInterceptorsTxRequiresNew(first(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new SubmissionFirewall()));
		EngineParseListeners.addPre(configuration, new GuardEveryUserTask());
	}

	private static List<CommandInterceptor> first(List<CommandInterceptor> existing, CommandInterceptor interceptor) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		interceptors.add(interceptor);
		if (existing != null) {
			interceptors.addAll(existing);
		}
		return interceptors;
	}

	private static final class GuardEveryUserTask extends AbstractBpmnParseListener {

		private final TaskAssignmentGuard guard = new TaskAssignmentGuard();

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			TaskDefinition task = EngineParseListeners.taskDefinition(activity);
			task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
			task.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, guard);
		}

	}

}
