package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.FILING_NO;
import static org.ipoutlet.lifecycle.LifecycleVariables.ORG_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.register.Outlet;
import org.springframework.stereotype.Component;

/** Art. 10: the recommender accepted the change report: the register takes the new information. */
@Component("applyChange")
class ApplyChangeDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;

	public ApplyChangeDelegate(OutletLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportedChange change = ChangeReportVariables.fromVariables(execution);
		Outlet outlet = lifecycle.applyChange((String) execution.getVariable(FILING_NO), change);
		// The process-wide name follows the register (later tasks and the annual report show it).
		execution.getProcessInstance().setVariableLocal(ORG_NAME, outlet.details().orgName());
	}

}
