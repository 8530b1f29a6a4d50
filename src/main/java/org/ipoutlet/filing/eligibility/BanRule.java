package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.institution.BannedInstitutions;
import org.springframework.stereotype.Component;

/** Art. 18: an institution whose filing was ended for misconduct may not apply for 3 years. */
@Component
class BanRule implements EligibilityRule {

	private final BannedInstitutions banned;

	public BanRule(BannedInstitutions banned) {
		this.banned = banned;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return banned.isBanned(facts.uscc(), facts.today()) ? Optional.of(IneligibilityReason.BANNED)
				: Optional.empty();
	}

}
