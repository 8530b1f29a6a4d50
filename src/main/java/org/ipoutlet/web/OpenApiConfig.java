package org.ipoutlet.web;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document of {@code /api/**} ({@code /v3/api-docs}, {@code /swagger-ui.html}). Every
 * operation requires HTTP Basic unless it declares an empty security requirement (the public
 * register and objections).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String BASIC = "basicAuth";

	static {
		// The caller is resolved from the request, not sent by the client.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiUser.class);
	}

	@Bean
	OpenAPI outletOpenApi() {
		return new OpenAPI()
			.info(new Info().title("国家知识产权信息公共服务网点备案 API")
				.version("v1")
				.description("""
						Filing of national IP information public service outlets (国家知识产权信息公共服务网点备案, \
						CNIPA). The register of filed outlets (Art. 8) is public; everything else requires HTTP Basic \
						authentication with a Camunda user (the same accounts as Tasklist) and respects its groups: \
						camunda-admin, cnipa-reviewers, recommender-<id>, outlets, auditors. Errors are \
						application/problem+json (RFC 9457) with an `errors` array of {field, rule, message} for \
						invalid input. Process work itself (tasks, forms) goes through Tasklist or /engine-rest.""")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("A Camunda user id and password")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC));
	}

}
