package org.ipoutlet.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic authentication of {@code /api/**} against Camunda's identity service, so the API,
 * Tasklist and {@code /engine-rest} share one set of users and groups. A plain servlet filter, not
 * Spring Security, which would fight the Camunda webapps' own session login; it is registered for
 * {@code /api/*} only ({@link ApiWebConfig}), so {@code /camunda/**} and {@code /engine-rest/**}
 * never pass through it.
 * <p>
 * While the request runs, the engine's authentication is the caller's (user and groups), so
 * Camunda authorizations apply to every engine call a controller makes; it is always cleared
 * afterwards. The register listing and objections to a publicised filing are public; credentials
 * sent there are still checked.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

	public static final String REALM = "outlets";
	public static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";

	private static final Pattern PUBLIC_GET = Pattern.compile("^/api/outlets(/[^/]+)?/?$");
	private static final Pattern PUBLIC_POST = Pattern.compile("^/api/filings/[^/]+/objections/?$");

	private final IdentityService identityService;
	private final ObjectMapper objectMapper;

	public ApiAuthenticationFilter(IdentityService identityService, ObjectMapper objectMapper) {
		this.identityService = identityService;
		this.objectMapper = objectMapper;
	}

	/**
	 * Whether the request is for the application's API. Uses the container's decoded and normalised
	 * path (servlet path and path info), never the raw URI, so {@code /api/outlets/%2e%2e/me} is
	 * judged as {@code /api/me}.
	 */
	static boolean isApi(HttpServletRequest request) {
		String path = path(request);
		return path.equals("/api") || path.startsWith("/api/");
	}

	static boolean isPublic(HttpServletRequest request) {
		String path = path(request);
		String method = request.getMethod();
		if ("GET".equals(method) || "HEAD".equals(method)) {
			return PUBLIC_GET.matcher(path).matches();
		}
		return "POST".equals(method) && PUBLIC_POST.matcher(path).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		if (!basic) {
			if (isPublic(request)) {
				chain.doFilter(request, response);
			}
			else {
				unauthorized(request, response, "This endpoint requires HTTP Basic authentication");
			}
			return;
		}
		ApiUser user = authenticate(header.substring(6).trim());
		if (user == null) {
			unauthorized(request, response, "Wrong user name or password");
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

	/** The user whose credentials these are, with their groups; null if they are wrong. */
	private ApiUser authenticate(String encoded) {
		String credentials;
		try {
			credentials = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = credentials.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		String userId = credentials.substring(0, colon);
		String password = credentials.substring(colon + 1);
		// Identity lookups run as the system, not as a leftover user of a pooled thread.
		identityService.clearAuthentication();
		if (!identityService.checkPassword(userId, password)) {
			return null;
		}
		List<String> groups = identityService.createGroupQuery()
			.groupMember(userId)
			.orderByGroupId()
			.asc()
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		return new ApiUser(userId, groups);
	}

	private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		ProblemDetail problem = Problems.problem(Problems.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
				"Authentication required", detail, request);
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

	private static String path(HttpServletRequest request) {
		String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
		String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
		return servletPath + pathInfo;
	}

}
