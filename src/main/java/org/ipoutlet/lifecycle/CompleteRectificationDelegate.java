package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Art. 17: CNIPA verified the rectification within the period: the outlet is FILED again. */
@Component("completeRectification")
class CompleteRectificationDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public CompleteRectificationDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.completeRectification((String) execution.getVariable(FILING_NO));
	}

}
