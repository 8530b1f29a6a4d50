package org.ipoutlet.filing.eligibility;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Art. 9 with Art. 5 and 12: a renewal re-checks the filing's conditions on the updated data with
 * the filing's own rules ({@link EligibilityCheck}), every failing reason at once. Only the
 * conditions of the institution itself are judged again — independent legal entity and five
 * full-time staff (Art. 5(一)), an IP category (Art. 5(二)), the basic services (Art. 12); the rules
 * about a new application (pending, already filed, provincial outlet, ban, exemption) do not apply
 * to an outlet that is filed.
 */
@Component
public class RenewalEligibility {

	/** The reasons a renewal is judged by. */
	static final Set<IneligibilityReason> RENEWAL_REASONS = EnumSet.of(IneligibilityReason.NOT_INDEPENDENT_LEGAL_ENTITY,
			IneligibilityReason.INSUFFICIENT_FULL_TIME_STAFF, IneligibilityReason.NO_IP_CATEGORY,
			IneligibilityReason.MISSING_BASIC_SERVICES);

	private final EligibilityCheck check;

	RenewalEligibility(EligibilityCheck check) {
		this.check = check;
	}

	/** Every reason the updated data fail, in the order of the regulation's articles; empty when they pass. */
	public List<IneligibilityReason> evaluate(String filingNo, String uscc, boolean independentLegalEntity,
			int staffFullTime, List<String> ipCategories, List<String> serviceItems, String recommenderId,
			LocalDate today) {
		ApplicationFacts facts = new ApplicationFacts(filingNo, uscc, independentLegalEntity, staffFullTime, ipCategories,
				serviceItems, recommenderId, true, today);
		return check.evaluate(facts).stream().filter(RENEWAL_REASONS::contains).toList();
	}

}
