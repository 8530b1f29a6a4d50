package org.ipoutlet.filing.eligibility;

import java.util.Optional;

import org.ipoutlet.institution.ServiceItem;
import org.springframework.stereotype.Component;

/** Art. 12: every outlet offers the three basic services (咨询、查询检索、宣传培训). */
@Component
class BasicServicesRule implements EligibilityRule {

	@Override
	public Optional<IneligibilityReason> check(ApplicationFacts facts) {
		boolean all = ServiceItem.basicServices().stream().allMatch(s -> facts.serviceItems().contains(s.name()));
		return all ? Optional.empty() : Optional.of(IneligibilityReason.MISSING_BASIC_SERVICES);
	}

}
