package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Art. 9: the validity ended without an approved renewal: the register says EXPIRED. */
@Component("expireOutlet")
class ExpireOutletDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public ExpireOutletDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		lifecycle.expire((String) execution.getVariable(FILING_NO));
	}

}
