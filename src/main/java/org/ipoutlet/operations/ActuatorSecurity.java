package org.ipoutlet.operations;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.ipoutlet.identity.AppGroups;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain actuatorFilterChain(HttpSecurity http, CamundaIdentityAuthentication authentication)
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

	@Bean
	CamundaIdentityAuthentication actuatorAuthentication(IdentityService identity) {
		return new CamundaIdentityAuthentication(identity);
	}

	/** HTTP Basic against Camunda's users; members of {@code camunda-admin} get role ADMIN. */
	static class CamundaIdentityAuthentication implements AuthenticationProvider {

		private final IdentityService identity;

		CamundaIdentityAuthentication(IdentityService identity) {
			this.identity = identity;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String user = authentication.getName();
			Object credentials = authentication.getCredentials();
			if (user == null || credentials == null || !identity.checkPassword(user, credentials.toString())) {
				throw new BadCredentialsException("Bad credentials");
			}
			List<GrantedAuthority> authorities = new ArrayList<>();
			authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
			if (identity.createUserQuery().userId(user).memberOfGroup(AppGroups.ADMIN).count() > 0) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE));
			}
			return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
