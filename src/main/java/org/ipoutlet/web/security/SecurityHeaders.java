package org.ipoutlet.web.security;

import java.util.List;

import org.ipoutlet.web.ApiPaths;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * Security headers on everything the server answers (README: Security), written by Spring Security's
 * header writers:
 * <ul>
 * <li>the application's own paths: through its security chain ({@link #application});</li>
 * <li>{@code /camunda/**} and {@code /engine-rest/**}: the same writers in a plain servlet filter
 * ({@link #camundaSecurityHeaders}), adding what Camunda's own header filter
 * ({@code camunda.bpm.webapp.header-security.*}: Content-Security-Policy and nosniff on
 * {@code /camunda/app/*} and {@code /camunda/api/*}) does not send. A header already set is never
 * replaced, so Camunda's nonce-based CSP of the webapps stays as it is.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

	/** The register page, Swagger UI, static files and error pages. */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** JSON APIs: nothing may load or frame a response. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/** Camunda's paths that its own header filter leaves without a policy (static files). */
	static final String CAMUNDA_FALLBACK_POLICY = "default-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'";

	static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;

	/** The application's own paths; Spring Security also sends nosniff and no-cache by default. */
	static void application(HeadersConfigurer<HttpSecurity> headers) {
		headers.frameOptions(frame -> frame.deny())
			.contentTypeOptions(options -> {
			})
			.referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ApiPaths::isApi,
					new ContentSecurityPolicyHeaderWriter(API_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !ApiPaths.isApi(request),
					new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)));
	}

	@Bean
	FilterRegistrationBean<HeaderWriterFilter> camundaSecurityHeaders() {
		List<HeaderWriter> writers = List.of(new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
				new XContentTypeOptionsHeaderWriter(), new ReferrerPolicyHeaderWriter(REFERRER_POLICY),
				new DelegatingRequestMatcherHeaderWriter(SecurityHeaders::isEngineRest,
						new ContentSecurityPolicyHeaderWriter(API_POLICY)),
				new DelegatingRequestMatcherHeaderWriter(request -> !isEngineRest(request),
						new ContentSecurityPolicyHeaderWriter(CAMUNDA_FALLBACK_POLICY)));
		FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(
				new HeaderWriterFilter(writers));
		registration.setName("camundaSecurityHeaders");
		registration.addUrlPatterns("/camunda/*", "/engine-rest/*");
		registration.setOrder(-300);
		return registration;
	}

	private static boolean isEngineRest(jakarta.servlet.http.HttpServletRequest request) {
		String path = ApiPaths.path(request);
		return path.equals("/engine-rest") || path.startsWith("/engine-rest/");
	}

}
