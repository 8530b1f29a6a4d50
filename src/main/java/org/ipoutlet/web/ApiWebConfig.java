package org.ipoutlet.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link ApiUser} controller parameter. Authentication itself is the API's Spring Security chain
 * ({@link org.ipoutlet.web.security.ApiSecurityConfig}).
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig implements WebMvcConfigurer {

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
