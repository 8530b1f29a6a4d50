package org.ipoutlet.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.Recommenders;

/**
 * The caller of an {@code /api} request, authenticated with HTTP Basic against Camunda's identity
 * service by the API's Spring Security chain ({@link org.ipoutlet.web.security.ApiSecurityConfig}). A controller method gets it as a parameter (401 when nobody is
 * logged in); public endpoints use {@link #current(HttpServletRequest)}.
 */
public record ApiUser(String id, List<String> groups) {

	/** The request attribute under which the API's security chain stores the caller; nothing else sets it. */
	public static final String ATTRIBUTE = ApiUser.class.getName();

	public ApiUser {
		groups = List.copyOf(groups);
	}

	/** The logged-in caller of this request, if any. */
	public static Optional<ApiUser> current(HttpServletRequest request) {
		return Optional.ofNullable((ApiUser) request.getAttribute(ATTRIBUTE));
	}

	public boolean inGroup(String groupId) {
		return groups.contains(groupId);
	}

	public boolean isAdmin() {
		return inGroup(AppGroups.ADMIN);
	}

	public boolean isCnipa() {
		return inGroup(AppGroups.CNIPA_REVIEWERS);
	}

	public boolean isAuditor() {
		return inGroup(AppGroups.AUDITORS);
	}

	public boolean isOutlet() {
		return inGroup(AppGroups.OUTLETS);
	}

	/** The recommending departments this user acts for (ids without the group prefix). */
	public List<String> recommenderIds() {
		return groups.stream()
			.filter(g -> g.startsWith(Recommenders.GROUP_PREFIX))
			.map(g -> g.substring(Recommenders.GROUP_PREFIX.length()))
			.toList();
	}

	public boolean isRecommender(String recommenderId) {
		return recommenderIds().contains(recommenderId);
	}

}
