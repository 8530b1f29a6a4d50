package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Art. 18: misconduct revokes the filing at once and bans the institution for three years, keeping
 * the facts, the decision, who (set by the application from the caller) and when.
 */
@Component("revokeForMisconduct")
class RevokeForMisconductDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public RevokeForMisconductDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MisconductType type = MisconductType.parse(execution.getVariable(MISCONDUCT_TYPE));
		var until = lifecycle.revokeForMisconduct((String) execution.getVariable(FILING_NO), type,
				(String) execution.getVariable(MISCONDUCT_FACTS), (String) execution.getVariable(MISCONDUCT_DECISION),
				(String) execution.getVariable(MISCONDUCT_DECIDED_BY));
		execution.setVariable(BANNED_UNTIL, until.toString());
	}

}
