package org.ipoutlet.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Registers the request size limit for {@code /api/*}, before authentication. */
@Configuration(proxyBeanMethods = false)
class RequestSizeConfig {

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ObjectMapper objectMapper) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(objectMapper, RequestSizeLimitFilter.MAX_BYTES));
		registration.setName("requestSizeLimitFilter");
		registration.addUrlPatterns("/api/*");
		registration.setOrder(-1);
		return registration;
	}

}
