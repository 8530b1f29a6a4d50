package org.ipoutlet.guard;

import java.util.List;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.Recommenders;

/** The authenticated user a command runs for, with the groups the authentication carries. */
record Caller(String userId, List<String> groups) {

	Caller {
		groups = groups == null ? List.of() : List.copyOf(groups);
	}

	/** The caller behind an engine authentication; null when the system runs the command. */
	static Caller of(Authentication authentication) {
		if (authentication == null || authentication.getUserId() == null) {
			return null;
		}
		return new Caller(authentication.getUserId(), authentication.getGroupIds());
	}

	boolean isAdmin() {
		return groups.contains(AppGroups.ADMIN);
	}

	/**
	 * Whether the caller belongs to a group that works tasks (applicants and outlets, recommenders,
	 * CNIPA); auditors and users without such a group only read.
	 */
	boolean works() {
		return groups.stream()
			.anyMatch(g -> g.equals(AppGroups.OUTLETS) || g.equals(AppGroups.CNIPA_REVIEWERS)
					|| g.startsWith(Recommenders.GROUP_PREFIX));
	}

	boolean inAnyOf(java.util.Collection<String> groupIds) {
		return groupIds.stream().anyMatch(groups::contains);
	}

}
