package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;
import static org.ipoutlet.lifecycle.LifecycleVariables.RENEWAL_REFUSAL_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 9: the validity ended without an approved renewal: the register says EXPIRED, with the
 * reason of a refused renewal when there was one.
 */
@Component("expireOutlet")
class ExpireOutletDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public ExpireOutletDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String filingNo = (String) execution.getVariable(FILING_NO);
		if (execution.getVariable(RENEWAL_REFUSAL_REASON) instanceof String reason && !reason.isBlank()) {
			lifecycle.expire(filingNo, "续期申请未获批准，备案有效期届满。" + reason);
		}
		else {
			lifecycle.expire(filingNo);
		}
	}

}
