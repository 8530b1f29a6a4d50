package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 9: the renewal was refused finally — the updated data fail Art. 5 / Art. 12, or CNIPA refused
 * it. The register ends the review; the outlet expires on the later of {@code validUntil} and today
 * ({@code renewalExpiresNow}), with the reason ({@code renewalRefusalReason}).
 */
@Component("recordRenewalRefusal")
class RecordRenewalRefusalDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	RecordRenewalRefusalDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (!(execution.getVariable(RENEWAL_REFUSAL_REASON) instanceof String reason) || reason.isBlank()) {
			Object opinion = execution.getVariable(RENEWAL_APPROVAL_OPINION);
			execution.setVariable(RENEWAL_REFUSAL_REASON, "国家知识产权局不予续期：" + (opinion == null ? "" : opinion));
		}
		execution.setVariable(RENEWAL_EXPIRES_NOW, lifecycle.refuseRenewal((String) execution.getVariable(FILING_NO)));
	}

}
