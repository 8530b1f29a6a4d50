package org.ipoutlet.filing.web;

import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;

/**
 * Who reads the registers behind the eligibility check (provincial outlets, exempt institutions): the
 * reviewers — every recommending department, CNIPA, auditors, administrators — not the applicants
 * (README, "Registers behind the eligibility check").
 */
final class RegisterReaders {

	private RegisterReaders() {
	}

	static void require(ApiUser user) {
		if (!(user.isAdmin() || user.isCnipa() || user.isAuditor() || !user.recommenderIds().isEmpty())) {
			throw new AccessDeniedException("Only recommending departments, CNIPA, auditors and administrators read the "
					+ "registers of provincial outlets and exempt institutions");
		}
	}

}
