package org.ipoutlet.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiPaths;
import org.ipoutlet.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Failed logins per client address, on the three ways in: HTTP Basic on {@code /api} and on
 * {@code /engine-rest}, and the webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}).
 * Every failure (an answer 401 to a request that carried credentials) is logged with the client
 * address and takes a token of the address's bucket ({@code outlet.security.login.failures-per-address}
 * per {@code failures-period}); while the bucket is empty, that address's logins are refused with 429
 * before any password is checked. The engine's own per-user delay is {@link LoginEngineSettings}.
 * README: Security.
 */
class LoginThrottle extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");

	private final ClientBuckets failures;
	private final ProblemWriter problems;

	LoginThrottle(SecuritySettings.Login settings, ProblemWriter problems) {
		this.failures = new ClientBuckets(settings.failuresPerAddress(), settings.failuresPeriod());
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String route = route(request);
		if (route == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Optional<Duration> blocked = failures.exhausted(address);
		if (blocked.isPresent()) {
			log.warn("Login refused from {} via {}: too many failed logins from this address", address, route);
			refuse(request, response, blocked.get());
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failures.take(address);
			log.warn("Failed login from {} via {}{}", address, route, user(request));
		}
	}

	/** The way in if the request tries to log in, otherwise null. */
	static String route(HttpServletRequest request) {
		String path = ApiPaths.path(request);
		if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
			return "webapp login " + path;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		if (ApiPaths.isApi(request)) {
			return "/api";
		}
		return path.equals("/engine-rest") || path.startsWith("/engine-rest/") ? "/engine-rest" : null;
	}

	/** The user name of Basic credentials, made safe for a log line, or nothing. */
	private static String user(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() <= 6) {
			return "";
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			String user = colon < 0 ? "" : credentials.substring(0, colon);
			user = user.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
			return " as user '" + (user.length() > 64 ? user.substring(0, 64) + "…" : user) + "'";
		}
		catch (IllegalArgumentException ex) {
			return " with malformed credentials";
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
		long seconds = ClientBuckets.retryAfterSeconds(wait);
		ProblemDetail problem = Problems.problem(Problems.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS,
				"Too many failed logins", "Too many failed logins from this address; try again in " + seconds
						+ " seconds",
				request);
		problem.setProperty("errors", List.of(new FieldError("credentials", "loginThrottled",
				"Too many failed logins from this address", "登录失败次数过多，请在 " + seconds + " 秒后重试")));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		problems.write(response, problem);
	}

}
