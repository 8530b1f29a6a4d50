package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.institution.IllegalTransitionException;
import org.springframework.stereotype.Component;

/**
 * Art. 17: puts the outlet under rectification for six months. An outlet already under
 * rectification is refused by the register; the BPMN error
 * {@value LifecycleVariables#ERROR_ALREADY_RECTIFYING} lets the diagram end this trigger, since the
 * running rectification covers it.
 */
@Component("startRectification")
class StartRectificationDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;
	private final RegulationDates dates;

	public StartRectificationDelegate(OutletLifecycle lifecycle, RegulationDates dates) {
		this.lifecycle = lifecycle;
		this.dates = dates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reason = (String) execution.getVariable(RECTIFICATION_REASON);
		LocalDate deadline;
		try {
			deadline = lifecycle.startRectification((String) execution.getVariable(FILING_NO), reason);
		}
		catch (IllegalTransitionException e) {
			throw new BpmnError(ERROR_ALREADY_RECTIFYING, e.getMessage());
		}
		execution.setVariable(RECTIFICATION_ORDERED_ON, dates.today().toString());
		execution.setVariable(RECTIFICATION_DEADLINE, deadline.toString());
		execution.setVariable(RECTIFICATION_ENDS_AT, dates.timerAfter(deadline));
		// A reminder one month before the deadline on the outlet's and CNIPA's tasks (their follow-up date).
		execution.setVariable(RECTIFICATION_REMINDER_AT, dates.timerAt(deadline.minusMonths(1)));
		execution.removeVariable(RECTIFIED);
		execution.removeVariable(RECTIFICATION_REPORT);
		execution.removeVariable(VERIFICATION_OPINION);
		execution.removeVariable(RECTIFICATION_PERIOD_OVER);
	}

}
