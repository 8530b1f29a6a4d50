package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.filing.FilingApplications;
import org.springframework.stereotype.Component;

/**
 * One application at a time: an institution with an application in progress may not file another.
 * The application that holds the institution's pending slot (claimed atomically at intake) is the
 * one in progress; any other is refused.
 */
@Component
class PendingApplicationRule implements EligibilityRule {

	private final FilingApplications applications;

	public PendingApplicationRule(FilingApplications applications) {
		this.applications = applications;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return !applications.holdsPendingSlot(facts.applicationNo())
				? Optional.of(IneligibilityReason.APPLICATION_PENDING) : Optional.empty();
	}

}
