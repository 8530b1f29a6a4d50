package org.ipoutlet.filing.eligibility;

import java.util.Optional;

/** One condition of Art. 5, 7, 12, 18 or 19 that an institution must meet to be filed. */
interface EligibilityRule {

	/** The reason the application fails this rule, or empty when it passes. */
	Optional<IneligibilityReason> check(ApplicationFacts facts);

}
