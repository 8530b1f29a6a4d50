package org.ipoutlet.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The baseline's service tasks (README "Benchmark"): no work, except that the publicity task gives
 * the timer its date (seven days ahead, like five working days), as the baseline's diagram needs one.
 */
public class BaselineSteps implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		if ("Task_PublicityPeriod".equals(execution.getCurrentActivityId())) {
			Instant end = ClockUtil.getCurrentTime().toInstant().plus(7, ChronoUnit.DAYS);
			execution.setVariable("publicityEndsAt", Date.from(end));
		}
	}

}
