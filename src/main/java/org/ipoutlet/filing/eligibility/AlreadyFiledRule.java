package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.register.OutletRepository;
import org.springframework.stereotype.Component;

/** Art. 9: an institution with a valid filing renews it rather than filing again. */
@Component
class AlreadyFiledRule implements EligibilityRule {

	private final OutletRepository outlets;

	public AlreadyFiledRule(OutletRepository outlets) {
		this.outlets = outlets;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return outlets.findActiveByUscc(facts.uscc()).isEmpty() ? Optional.empty()
				: Optional.of(IneligibilityReason.ALREADY_FILED);
	}

}
