package org.ipoutlet.web;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/** Wires the API's authentication filter (for {@code /api/*} only) and the {@link ApiUser} parameter. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
			ObjectMapper objectMapper) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identityService, objectMapper));
		registration.setName("apiAuthenticationFilter");
		// Servlet URL pattern: the Camunda webapps (/camunda/*) and REST API (/engine-rest/*) are untouched.
		registration.addUrlPatterns("/api/*");
		registration.setOrder(0);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new ApiUserResolver());
	}

	/** A controller parameter of type {@link ApiUser}: the logged-in caller, or 401. */
	static class ApiUserResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == ApiUser.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			return ApiUser.current(request)
				.orElseThrow(() -> new UnauthenticatedException("This endpoint requires a logged-in user"));
		}

	}

}
