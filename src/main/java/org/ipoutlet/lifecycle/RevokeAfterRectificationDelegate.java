package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Art. 17: still non-compliant when the six months ended: CNIPA revokes the filing. */
@Component("revokeAfterRectification")
class RevokeAfterRectificationDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public RevokeAfterRectificationDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.revokeAfterRectification((String) execution.getVariable(FILING_NO));
	}

}
