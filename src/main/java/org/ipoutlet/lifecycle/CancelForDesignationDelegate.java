package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.DESIGNATION;
import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Art. 19: designated as TISC or university centre: the filing is cancelled automatically. */
@Component("cancelForDesignation")
class CancelForDesignationDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public CancelForDesignationDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Designation designation = Designation.parse(execution.getVariable(DESIGNATION));
		lifecycle.cancelForDesignation((String) execution.getVariable(FILING_NO), designation);
	}

}
