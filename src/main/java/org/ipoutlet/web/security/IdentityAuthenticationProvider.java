package org.ipoutlet.web.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.ipoutlet.web.ApiUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks HTTP Basic credentials with Camunda's identity service, so the API, Tasklist and
 * {@code /engine-rest} share one set of users, groups and the engine's login delay. The principal is
 * the {@link ApiUser} with its groups; the groups are also the authorities ({@code GROUP_<id>}).
 */
class IdentityAuthenticationProvider implements AuthenticationProvider {

	static final String WRONG_CREDENTIALS = "Wrong user name or password";

	private final IdentityService identityService;

	IdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object credentials = authentication.getCredentials();
		String password = credentials == null ? null : credentials.toString();
		if (userId == null || userId.isEmpty() || password == null) {
			throw new BadCredentialsException(WRONG_CREDENTIALS);
		}
		// Identity lookups run as the system, not as a leftover user of a pooled thread.
		identityService.clearAuthentication();
		if (!identityService.checkPassword(userId, password)) {
			throw new BadCredentialsException(WRONG_CREDENTIALS);
		}
		return authenticated(identityService, userId);
	}

	/**
	 * The authentication of a user whose identity was established (password checked here, or the
	 * Camunda webapp session of {@link WebappSessionAuthentication}); its groups are read afresh.
	 * Runs as the system.
	 */
	static Authentication authenticated(IdentityService identityService, String userId) {
		List<String> groups = identityService.createGroupQuery()
			.groupMember(userId)
			.orderByGroupId()
			.asc()
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		ApiUser user = new ApiUser(userId, groups);
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(
				groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
		if (user.isAdmin()) {
			// Administrators hold role ADMIN: /actuator beyond health (README: Production: several nodes).
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
