package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Art. 5(二): services for one or more IP categories (专利、商标、地理标志等一个或多个类别). */
@Component
class IpCategoryRule implements EligibilityRule {

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return facts.ipCategories().isEmpty() ? Optional.of(IneligibilityReason.NO_IP_CATEGORY) : Optional.empty();
	}

}
