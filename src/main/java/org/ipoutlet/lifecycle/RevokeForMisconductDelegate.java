package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.BANNED_UNTIL;
import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;
import static org.ipoutlet.lifecycle.LifecycleVariables.MISCONDUCT_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Art. 18: misconduct revokes the filing at once and bans the institution for three years. */
@Component("revokeForMisconduct")
class RevokeForMisconductDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public RevokeForMisconductDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MisconductType type = MisconductType.parse(execution.getVariable(MISCONDUCT_TYPE));
		var until = lifecycle.revokeForMisconduct((String) execution.getVariable(FILING_NO), type);
		execution.setVariable(BANNED_UNTIL, until.toString());
	}

}
