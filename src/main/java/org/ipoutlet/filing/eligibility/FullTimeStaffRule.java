package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Art. 5(一): a team with 5 or more full-time staff (5名及以上专职人员). */
@Component
class FullTimeStaffRule implements EligibilityRule {

	public static final int MINIMUM_FULL_TIME_STAFF = 5;

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return facts.staffFullTime() >= MINIMUM_FULL_TIME_STAFF ? Optional.empty()
				: Optional.of(IneligibilityReason.INSUFFICIENT_FULL_TIME_STAFF);
	}

}
