package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.identity.Recommenders;
import org.springframework.stereotype.Component;

/**
 * Art. 7(一): an institution recommended by a provincial IP office must already be a provincial
 * outlet; one directly managed by an industry department is recommended by that department.
 */
@Component
class ProvincialOutletRule implements EligibilityRule {

	private final Recommenders recommenders;

	public ProvincialOutletRule(Recommenders recommenders) {
		this.recommenders = recommenders;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		boolean provincialRoute = recommenders.find(facts.recommenderId())
			.map(Recommenders.Recommender::provincial)
			.orElseThrow(() -> new IllegalStateException("Unknown recommender " + facts.recommenderId()));
		return provincialRoute && !facts.provincialOutlet() ? Optional.of(IneligibilityReason.NOT_PROVINCIAL_OUTLET)
				: Optional.empty();
	}

}
