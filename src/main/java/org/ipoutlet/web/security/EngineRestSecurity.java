package org.ipoutlet.web.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest/*} (what Camunda Modeler deploys through) requires HTTP Basic against Camunda's
 * identity service; the engine then enforces the caller's authorizations. Only the engine list
 * {@code /engine-rest/engine} stays open (Camunda's own white list).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestSecurity {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-basic-authentication");
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		return registration;
	}

}
