package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Art. 5(一): the institution is an independent legal entity (独立法人单位). */
@Component
class IndependentLegalEntityRule implements EligibilityRule {

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return facts.independentLegalEntity() ? Optional.empty()
				: Optional.of(IneligibilityReason.NOT_INDEPENDENT_LEGAL_ENTITY);
	}

}
