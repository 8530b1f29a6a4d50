package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;
import static org.ipoutlet.lifecycle.LifecycleVariables.LIFECYCLE_OUTCOME;
import static org.ipoutlet.lifecycle.LifecycleVariables.MISCONDUCT_TYPE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.register.OutletStatus;
import org.springframework.stereotype.Component;

/** Art. 18: misconduct revokes the filing at once and bans the institution for three years. */
@Component("revokeForMisconduct")
public class RevokeForMisconductDelegate implements JavaDelegate {

	public static final String BANNED_UNTIL = "bannedUntil";

	private final OutletLifecycle lifecycle;

	public RevokeForMisconductDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MisconductType type = MisconductType.parse(execution.getVariable(MISCONDUCT_TYPE));
		var until = lifecycle.revokeForMisconduct((String) execution.getVariable(FILING_NO), type);
		execution.setVariable(BANNED_UNTIL, until.toString());
		execution.setVariable(LIFECYCLE_OUTCOME, OutletStatus.REVOKED.name());
	}

}
