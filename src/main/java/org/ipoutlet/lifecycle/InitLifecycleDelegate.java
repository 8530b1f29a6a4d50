package org.ipoutlet.lifecycle;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletStatus;
import org.springframework.stereotype.Component;

/**
 * First step of {@code outlet-lifecycle}, inside the filing's registration transaction: checks that
 * the start variables and the register agree (so a bad start rolls the registration back) and sets
 * up the first annual summary year.
 */
@Component("initLifecycle")
class InitLifecycleDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;
	private final RegulationDates dates;
	private final Recommenders recommenders;

	public InitLifecycleDelegate(OutletLifecycle lifecycle, RegulationDates dates, Recommenders recommenders) {
		this.lifecycle = lifecycle;
		this.dates = dates;
		this.recommenders = recommenders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		for (String name : new String[] { FILING_NO, USCC, ORG_NAME, RECOMMENDER_ID, OUTLET_USER }) {
			if (!(execution.getVariable(name) instanceof String s) || s.isBlank()) {
				throw new IllegalArgumentException(name + " is required to start " + OUTLET_LIFECYCLE);
			}
		}
		String filingNo = (String) execution.getVariable(FILING_NO);
		if (!filingNo.equals(execution.getProcessBusinessKey())) {
			throw new IllegalArgumentException("business key must be the filingNo " + filingNo);
		}
		LocalDate validFrom = date(execution, VALID_FROM);
		LocalDate validUntil = date(execution, VALID_UNTIL);
		Outlet outlet = lifecycle.outlet(filingNo);
		if (outlet.status() != OutletStatus.FILED || !outlet.validUntil().equals(validUntil)
				|| !outlet.uscc().equals(execution.getVariable(USCC))) {
			throw new IllegalStateException("Register entry " + filingNo + " (" + outlet.status() + ", valid until "
					+ outlet.validUntil() + ") does not match the start variables");
		}
		String recommenderId = (String) execution.getVariable(RECOMMENDER_ID);
		execution.setVariable(RECOMMENDER_NAME,
				recommenders.find(recommenderId).map(Recommenders.Recommender::name).orElse(recommenderId));
		AnnualSummaryDelegates.setSummaryYear(execution, validFrom.getYear(), dates);
		LocalDate windowOpens = dates.renewalWindowOpensOn(validUntil);
		execution.setVariable(EXPIRES_AT, dates.timerAfter(validUntil));
		execution.setVariable(RENEWAL_WINDOW_OPENS, windowOpens.toString());
		execution.setVariable(RENEWAL_WINDOW_OPENS_AT, dates.timerAt(windowOpens));
		execution.setVariable(RENEWAL_COUNT, 0);
	}

	private static LocalDate date(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		try {
			return LocalDate.parse((String) value);
		}
		catch (ClassCastException | NullPointerException | DateTimeParseException e) {
			throw new IllegalArgumentException(name + " must be an ISO-8601 date (yyyy-MM-dd), got " + value);
		}
	}

}
