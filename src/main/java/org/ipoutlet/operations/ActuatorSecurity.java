package org.ipoutlet.operations;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/**} (or the management port): health is public, so that a load balancer can poll it
 * (status only; components and details for administrators); everything else — metrics, Prometheus,
 * info — needs HTTP Basic of a member of {@code camunda-admin}. Only these paths: the application's own
 * paths have their own filter chains.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

	/** The role an administrator holds on {@code /actuator} (see {@code management.endpoint.health.roles}). */
	static final String ADMIN_ROLE = "ADMIN";

	/** The application's one authentication provider (HTTP Basic against Camunda's users; admins hold role ADMIN). */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http, AuthenticationProvider authentication)
			throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasRole(ADMIN_ROLE))
			.authenticationProvider(authentication)
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

}
