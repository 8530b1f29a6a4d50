package org.ipoutlet.annualreport;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ipoutlet.validation.EngineParseListeners;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches {@link TerritoryAccess#lifecycleStarted} to the start of every deployed version of
 * {@code outlet-lifecycle} as a built-in listener (README, "Provincial offices see their territory"):
 * a diagram edited in Modeler cannot lose it.
 */
@Component
class TerritoryPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TerritoryAccess> access;

	TerritoryPlugin(ObjectProvider<TerritoryAccess> access) {
		this.access = access;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EngineParseListeners.addPost(configuration, new AbstractBpmnParseListener() {

			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				if (OUTLET_LIFECYCLE.equals(processDefinition.getKey())) {
					processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
							(ExecutionListener) execution -> access.getObject().lifecycleStarted(execution));
				}
			}
		});
	}

}
