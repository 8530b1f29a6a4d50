package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.Outlet;
import org.springframework.stereotype.Component;

/**
 * Art. 10: CNIPA recorded the change report: the register takes the new information from today,
 * keeping the earlier values. The process-wide name, province and recommender follow the register,
 * so later tasks (and, after a move, the new province's office) see them.
 */
@Component("applyChange")
class ApplyChangeDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;
	private final Recommenders recommenders;

	public ApplyChangeDelegate(OutletLifecycle lifecycle, Recommenders recommenders) {
		this.lifecycle = lifecycle;
		this.recommenders = recommenders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReportedChange change = ChangeReportVariables.fromVariables(execution);
		Outlet outlet = lifecycle.applyChange((String) execution.getVariable(FILING_NO), change,
				(String) execution.getVariable(CHANGE_RECORDED_BY));
		var instance = execution.getProcessInstance();
		instance.setVariableLocal(ORG_NAME, outlet.details().orgName());
		instance.setVariableLocal(PROVINCE, outlet.details().province());
		if (!outlet.recommenderId().equals(instance.getVariableLocal(RECOMMENDER_ID))) {
			instance.setVariableLocal(RECOMMENDER_ID, outlet.recommenderId());
			instance.setVariableLocal(RECOMMENDER_NAME, recommenders.find(outlet.recommenderId())
				.map(Recommenders.Recommender::name)
				.orElse(outlet.recommenderId()));
		}
	}

}
