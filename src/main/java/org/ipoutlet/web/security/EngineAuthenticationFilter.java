package org.ipoutlet.web.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.ipoutlet.web.ApiUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The last filter of the API's security chain: while the request runs, the engine's authentication
 * is the caller's (user and groups), so Camunda authorizations apply to every engine call a
 * controller makes, and {@link ApiUser#current} names the caller; the engine's authentication is
 * always cleared afterwards. Anonymous requests run with no engine authentication.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

	private final IdentityService identityService;

	public EngineAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiUser user)) {
			// Never a leftover user of a pooled thread.
			identityService.clearAuthentication();
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(ApiUser.ATTRIBUTE, user);
		identityService.setAuthentication(user.id(), user.groups());
		try {
			chain.doFilter(request, response);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

}
