package org.ipoutlet.web.security;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.ipoutlet.web.ApiPaths;
import org.ipoutlet.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spring Security for the application's own paths: everything the server answers except Camunda's
 * webapps ({@code /camunda/**}) and REST API ({@code /engine-rest/**}), which keep Camunda's own
 * filters and are matched by no chain here. README: Security.
 * <ul>
 * <li>HTTP Basic against Camunda's identity service ({@link IdentityAuthenticationProvider}),
 * stateless (no session, so no CSRF token is needed: a browser never sends these credentials on its
 * own initiative unless the user typed them for this realm).</li>
 * <li>The public register (Art. 8: {@code GET /api/outlets}, {@code /api/outlets/{filingNo}},
 * {@code /outlets}), the publicity list ({@code GET /api/publicity}), objections during publicity
 * (Art. 7(三): {@code POST /api/filings/{no}/objections}), the OpenAPI document, Swagger UI, static
 * files and error pages need no login; everything else under {@code /api} does. Credentials sent to a
 * public endpoint are still checked.</li>
 * <li>401 and 403 are RFC 9457 problems; 401 carries the Basic challenge.</li>
 * <li>While a request runs the engine's authentication is the caller's ({@link EngineAuthenticationFilter}).</li>
 * <li>{@code GET /api/me/**} also accepts the Camunda webapp session with its CSRF token
 * ({@link WebappSessionAuthentication}), for the Tasklist plugin's own views.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(SecuritySettings.class)
public class ApiSecurityConfig {

	/** Paths with an optional query string, judged on the normalised servlet path. */
	private static RequestMatcher path(HttpMethod method, String regex) {
		return new RegexRequestMatcher("^" + regex + "/?(\\?.*)?$", method == null ? null : method.name(), false);
	}

	/** The public endpoints of {@code /api}. */
	static final RequestMatcher PUBLIC_API = request -> path(HttpMethod.GET, "/api/outlets(/[^/?]+)?").matches(request)
			|| path(HttpMethod.HEAD, "/api/outlets(/[^/?]+)?").matches(request)
			|| path(HttpMethod.GET, "/api/publicity").matches(request)
			|| path(HttpMethod.HEAD, "/api/publicity").matches(request)
			|| path(HttpMethod.POST, "/api/filings/[^/?]+/objections").matches(request);

	/** Everything the application serves itself: not the Camunda webapps nor its REST API. */
	static final RequestMatcher APPLICATION = request -> !ApiPaths.isCamunda(request);

	static final RequestMatcher API = ApiPaths::isApi;

	/**
	 * A state-changing request a browser marks as sent from another site (Fetch Metadata). The API is
	 * stateless and has no CSRF token; a browser that answered the Basic prompt would still attach the
	 * cached credentials to another site's form post, so such requests are refused.
	 */
	static final RequestMatcher CROSS_SITE_WRITE = request -> !HttpMethod.GET.matches(request.getMethod())
			&& !HttpMethod.HEAD.matches(request.getMethod()) && !HttpMethod.OPTIONS.matches(request.getMethod())
			&& "cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));

	@Bean
	SecurityFilterChain applicationSecurity(HttpSecurity http, IdentityService identityService,
			ObjectMapper objectMapper, ProcessEngine engine) throws Exception {
		ProblemWriter problems = new ProblemWriter(objectMapper);
		http.securityMatcher(APPLICATION)
			.authorizeHttpRequests(requests -> requests.requestMatchers(CROSS_SITE_WRITE)
				.denyAll()
				.requestMatchers(PUBLIC_API)
				.permitAll()
				.requestMatchers(API)
				.authenticated()
				.anyRequest()
				.permitAll())
			.httpBasic(basic -> basic.realmName(ApiPaths.REALM).authenticationEntryPoint(unauthorized(problems)))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized(problems))
				.accessDeniedHandler(forbidden(problems)))
			// Stateless; and the Tasklist session that GET /api/me/** may carry is never touched (no new session id).
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation(fixation -> fixation.none()))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.headers(SecurityHeaders::application)
			.addFilterAfter(new WebappSessionAuthentication(identityService, engine.getName()),
					BasicAuthenticationFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
		return http.build();
	}

	/** Also keeps Spring Boot from creating its default user with a generated password. */
	@Bean
	AuthenticationProvider camundaIdentityAuthentication(IdentityService identityService) {
		return new IdentityAuthenticationProvider(identityService);
	}

	/**
	 * The firewall in front of every request. Encoded dots are let through because the paths are
	 * judged after the container normalised them ({@link ApiPaths}); the rest stays strict.
	 */
	@Bean
	WebSecurityCustomizer firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowUrlEncodedPeriod(true);
		return web -> web.httpFirewall(firewall);
	}

	private static AuthenticationEntryPoint unauthorized(ProblemWriter problems) {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
			String detail = ex instanceof BadCredentialsException ? IdentityAuthenticationProvider.WRONG_CREDENTIALS
					: "This endpoint requires HTTP Basic authentication";
			ProblemDetail problem = Problems.problem(Problems.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
					"Authentication required", detail, request);
			if (!WebappSessionAuthentication.fromWebapp(request)) {
				// A webapp page's call (its session expired) gets no challenge: the browser would show its login prompt.
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, ApiPaths.CHALLENGE);
			}
			problems.write(response, problem);
		};
	}

	private static AccessDeniedHandler forbidden(ProblemWriter problems) {
		return (request, response, ex) -> problems.write(response, Problems.problem(Problems.ACCESS_DENIED,
				HttpStatus.FORBIDDEN, "Access denied", "You may not do this", request));
	}

}
