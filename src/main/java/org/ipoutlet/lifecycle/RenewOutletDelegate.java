package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.institution.IllegalTransitionException;
import org.ipoutlet.register.OutletStatus;
import org.springframework.stereotype.Component;

/**
 * Art. 9: an approved renewal extends validity by three years from the current end. The register
 * refuses to renew an outlet under rectification: that becomes the BPMN error
 * {@value LifecycleVariables#ERROR_RENEWAL_REFUSED}, which the diagram routes back to CNIPA.
 */
@Component("renewOutlet")
class RenewOutletDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;
	private final RegulationDates dates;

	public RenewOutletDelegate(OutletLifecycle lifecycle, RegulationDates dates) {
		this.lifecycle = lifecycle;
		this.dates = dates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// A skipped approval is not a refusal the diagram routes back: it fails the job (an incident).
		lifecycle.requireRenewalApproved((String) execution.getVariable(FILING_NO));
		LocalDate until;
		try {
			until = lifecycle.renew((String) execution.getVariable(FILING_NO));
		}
		catch (IllegalTransitionException e) {
			execution.setVariable(RENEWAL_BLOCKED_REASON, "网点当前状态为“" + ((OutletStatus) e.from()).label() + "”，整改通过核查前不能续期");
			throw new BpmnError(ERROR_RENEWAL_REFUSED, e.getMessage());
		}
		LocalDate windowOpens = dates.renewalWindowOpensOn(until);
		execution.setVariable(VALID_UNTIL, until.toString());
		execution.setVariable(EXPIRES_AT, dates.timerAfter(until));
		execution.setVariable(RENEWAL_WINDOW_OPENS, windowOpens.toString());
		execution.setVariable(RENEWAL_WINDOW_OPENS_AT, dates.timerAt(windowOpens));
		execution.setVariable(RENEWAL_COUNT, ((Number) execution.getVariable(RENEWAL_COUNT)).intValue() + 1);
		execution.removeVariable(RENEWAL_BLOCKED_REASON);
	}

}
