package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.RegulationDates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task 确定公示期 (Art. 7(三)): publicity runs for N working days on the mainland calendar,
 * from the first working day after CNIPA's approval, to the end of the N-th. Sets
 * {@code publicityStarts}/{@code publicityEnds} (ISO dates) and {@code publicityEndsAt} (the instant
 * the publicity timer fires: the start of the next calendar day, Asia/Shanghai). The period is
 * recorded in the application's aggregate, which alone decides when publicity is over.
 */
@Component("publicityPeriod")
class PublicityPeriod implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(PublicityPeriod.class);

	private final RegulationDates dates;
	private final FilingSteps steps;

	PublicityPeriod(RegulationDates dates, FilingSteps steps) {
		this.dates = dates;
		this.steps = steps;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RegulationDates.Period publicity = dates.publicity(dates.today());
		LocalDate first = publicity.first();
		LocalDate last = publicity.last();
		steps.publicity(execution, first, last);
		execution.setVariable(PUBLICITY_STARTS, first.toString());
		execution.setVariable(PUBLICITY_ENDS, last.toString());
		execution.setVariable(PUBLICITY_ENDS_AT, dates.timerAfter(last));
		log.info("Application {} in publicity from {} to {}", execution.getProcessBusinessKey(), first, last);
	}

}
