package org.ipoutlet.filing;

import java.time.LocalDate;
import java.util.Optional;

import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.IllegalTransitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art. 18 ("一经发现"): false materials found by CNIPA after an application has ended without being
 * filed (ineligible, not recommended, rejected, withdrawn, objection upheld) ban the institution for
 * three years from the finding, with the facts, the decision's text, who and when. An application in
 * progress is decided in its own steps; a filed outlet is revoked through its lifecycle
 * ({@code POST /api/outlets/{filingNo}/misconduct}).
 */
@Service
public class FalseMaterialsFindings {

	private static final Logger log = LoggerFactory.getLogger(FalseMaterialsFindings.class);

	private final FilingApplications applications;
	private final BannedInstitutions banned;
	private final BusinessClock clock;

	FalseMaterialsFindings(FilingApplications applications, BannedInstitutions banned, BusinessClock clock) {
		this.applications = applications;
		this.banned = banned;
		this.clock = clock;
	}

	/**
	 * @return the last day of the ban, or empty when there is no such application
	 * @throws IllegalTransitionException when the application is still in progress or was filed
	 */
	@Transactional
	public Optional<LocalDate> afterTheFact(String applicationNo, String facts, String decision, String decidedBy) {
		Optional<FilingApplication> found = applications.find(applicationNo);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		FilingApplication application = found.get();
		if (!application.status().closed()) {
			throw new IllegalTransitionException("Application", applicationNo, application.status(),
					"be found to contain false materials after the fact: it is still in progress, decide it in its review");
		}
		if (application.status() == ApplicationStatus.FILED) {
			throw new IllegalTransitionException("Application", applicationNo, application.status(),
					"be found to contain false materials after the fact: it was filed, report misconduct of the outlet");
		}
		LocalDate until = banned.ban(application.uscc(), application.orgName(),
				"备案申请办结后发现提供虚假材料（第十八条）", clock.today(), applicationNo, facts, decision, decidedBy, clock.now());
		log.info("Application {} ({}): false materials found after the fact by {}, institution {} banned until {}",
				applicationNo, application.status(), decidedBy, application.uscc(), until);
		return Optional.of(until);
	}

}
