package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.eligibility.IneligibilityReason;
import org.ipoutlet.filing.eligibility.RenewalEligibility;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.validation.JsonValues;
import org.springframework.stereotype.Component;

/**
 * Art. 9, 5, 12: a renewal applied for within validity is under review from now on (the register
 * shows 续期审核中 and the outlet stays valid until it is decided); the updated data are checked with
 * the filing's rules, every failing reason at once ({@code renewalEligible},
 * {@code renewalIneligibilityReasons}, and in Chinese {@code renewalRefusalReason}).
 */
@Component("checkRenewal")
class CheckRenewalDelegate implements JavaDelegate {

	private final OutletLifecycle lifecycle;
	private final RenewalEligibility eligibility;
	private final BusinessClock clock;

	CheckRenewalDelegate(OutletLifecycle lifecycle, RenewalEligibility eligibility, BusinessClock clock) {
		this.lifecycle = lifecycle;
		this.eligibility = eligibility;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String filingNo = (String) execution.getVariable(FILING_NO);
		Outlet outlet = lifecycle.applyForRenewal(filingNo);
		Object legal = execution.getVariable(INDEPENDENT_LEGAL_ENTITY);
		List<IneligibilityReason> reasons = eligibility.evaluate(filingNo, outlet.uscc(),
				Boolean.TRUE.equals(legal) || "true".equals(legal),
				((Number) execution.getVariable(STAFF_FULL_TIME)).intValue(), outlet.details().ipCategories(),
				outlet.details().serviceItems(), outlet.recommenderId(), clock.today());
		execution.setVariable(RENEWAL_ELIGIBLE, reasons.isEmpty());
		execution.setVariable(RENEWAL_INELIGIBILITY_REASONS, JsonValues.json(reasons.stream().map(Enum::name).toList()));
		if (reasons.isEmpty()) {
			execution.removeVariable(RENEWAL_REFUSAL_REASON);
		}
		else {
			execution.setVariable(RENEWAL_REFUSAL_REASON, "不符合备案条件："
					+ reasons.stream().map(r -> r.label() + "（" + r.article() + "）").collect(Collectors.joining("；")));
		}
	}

}
