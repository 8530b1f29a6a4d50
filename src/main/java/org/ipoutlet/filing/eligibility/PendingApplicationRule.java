package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.filing.FilingApplications;
import org.springframework.stereotype.Component;

/** One application at a time: an institution with an application in progress may not file another. */
@Component
public class PendingApplicationRule implements EligibilityRule {

	private final FilingApplications applications;

	public PendingApplicationRule(FilingApplications applications) {
		this.applications = applications;
	}

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		return applications.hasOtherPending(facts.uscc(), facts.applicationNo())
				? Optional.of(IneligibilityReason.APPLICATION_PENDING) : Optional.empty();
	}

}
