package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.institution.ExemptInstitutions;
import org.springframework.stereotype.Component;

/**
 * Art. 19: CNIPA units, public service nodes, protection centres, TISC and university centres are
 * already in the public service system and need no filing.
 */
@Component
class ExemptionRule implements EligibilityRule {

	private final ExemptInstitutions exempt;

	public ExemptionRule(ExemptInstitutions exempt) {
		this.exempt = exempt;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return exempt.exemptionOf(facts.uscc()).map(e -> IneligibilityReason.EXEMPT_INSTITUTION);
	}

}
