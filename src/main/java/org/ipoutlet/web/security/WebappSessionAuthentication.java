package org.ipoutlet.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.ipoutlet.web.ApiPaths;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Lets the Tasklist plugin read the caller's own views ({@code GET /api/me/**}, README: "Tasklist for
 * reviewers and applicants") with the Camunda webapp session it already holds, instead of HTTP Basic.
 * Only when all of these hold is the request authenticated as the session's user:
 * <ul>
 * <li>the method is GET or HEAD and the normalised path is {@code /api/me} or under it: nothing that
 * changes anything is ever reachable with the session;</li>
 * <li>no {@code Authorization} header was sent (Basic wins) and no other authentication happened;</li>
 * <li>the request carries the session's Camunda CSRF token in {@code X-XSRF-TOKEN}: another site can
 * neither read that token nor make a browser send a custom header cross-origin without a CORS
 * preflight, which the application never grants, so only Camunda's own pages (same origin) can call;</li>
 * <li>the browser did not mark it {@code Sec-Fetch-Site: cross-site}.</li>
 * </ul>
 * The groups are read afresh from the identity service, not taken from the session. The engine still
 * runs as that user ({@link EngineAuthenticationFilter}).
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

	private final IdentityService identityService;
	private final String engineName;

	WebappSessionAuthentication(IdentityService identityService, String engineName) {
		this.identityService = identityService;
		this.engineName = engineName;
	}

	/** The paths that accept the webapp session: the caller's own read-only views. */
	static boolean isOwnView(HttpServletRequest request) {
		String path = ApiPaths.path(request);
		return (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))
				&& (path.equals("/api/me") || path.startsWith("/api/me/"));
	}

	/** A call from a Camunda webapp page (it always sends the CSRF header). */
	static boolean fromWebapp(HttpServletRequest request) {
		return request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isOwnView(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null && unauthenticated()
				&& !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			String userId = sessionUser(request);
			if (userId != null) {
				identityService.clearAuthentication();
				if (identityService.createUserQuery().userId(userId).count() == 1) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(IdentityAuthenticationProvider.authenticated(identityService, userId));
					SecurityContextHolder.setContext(context);
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean unauthenticated() {
		org.springframework.security.core.Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return current == null || current instanceof AnonymousAuthenticationToken;
	}

	/** The user of the session's Camunda login for this engine, when the request proves it comes from the session's pages. */
	private String sessionUser(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		if (session == null || sent == null) {
			return null;
		}
		Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
		if (!(token instanceof String expected) || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				sent.getBytes(StandardCharsets.UTF_8))) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		Authentication login = authentications == null ? null
				: authentications.getAuthenticationForProcessEngine(engineName);
		return login == null || login.getIdentityId() == null ? null : login.getIdentityId();
	}

}
