package org.ipoutlet.web.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servlet filters in front of the security chains (which run at order -100): headers first
 * ({@link SecurityHeaders}), then the error bodies of Camunda's APIs, the login throttle and the rate
 * limits, so a refused request costs no password check.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityFilters {

	@Bean
	FilterRegistrationBean<EngineErrorBodies> engineErrorBodies(ObjectMapper objectMapper) {
		FilterRegistrationBean<EngineErrorBodies> registration = new FilterRegistrationBean<>(
				new EngineErrorBodies(objectMapper));
		registration.setName("engineErrorBodies");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(-280);
		return registration;
	}

	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottle(SecuritySettings settings, ObjectMapper objectMapper) {
		FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
				new LoginThrottle(settings.login(), new ProblemWriter(objectMapper)));
		registration.setName("loginThrottle");
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/admin/auth/user/*");
		registration.setOrder(-250);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimits(SecuritySettings settings, ObjectMapper objectMapper) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(settings.rateLimits(), new ProblemWriter(objectMapper)));
		registration.setName("rateLimits");
		registration.addUrlPatterns("/api/*", "/outlets", "/outlets/*");
		registration.setOrder(-200);
		return registration;
	}

}
