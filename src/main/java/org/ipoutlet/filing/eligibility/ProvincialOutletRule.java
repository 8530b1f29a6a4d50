package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.ProvincialOutlets;
import org.springframework.stereotype.Component;

/**
 * Art. 7(一): an institution recommended by a provincial IP office must already be a provincial
 * outlet — of that office's province, as its register of provincial outlets says (README, "Registers
 * behind the eligibility check"); one directly managed by an industry department is recommended by
 * that department.
 */
@Component
class ProvincialOutletRule implements EligibilityRule {

	private final Recommenders recommenders;
	private final ProvincialOutlets provincialOutlets;

	public ProvincialOutletRule(Recommenders recommenders, ProvincialOutlets provincialOutlets) {
		this.recommenders = recommenders;
		this.provincialOutlets = provincialOutlets;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		boolean provincialRoute = recommenders.find(facts.recommenderId())
			.map(Recommenders.Recommender::provincial)
			.orElseThrow(() -> new IllegalStateException("Unknown recommender " + facts.recommenderId()));
		return provincialRoute && !provincialOutlets.isProvincialOutletOf(facts.uscc(), facts.recommenderId())
				? Optional.of(IneligibilityReason.NOT_PROVINCIAL_OUTLET) : Optional.empty();
	}

}
