package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every kind of path the server answers carries frame protection, a Content-Security-Policy, nosniff
 * and a Referrer-Policy: the API (public, protected, refused), the register page, Swagger UI and the
 * OpenAPI document, static files, error pages, Camunda's webapps and their APIs, and /engine-rest
 * (README: Security).
 */
@WebTest
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void applicationApiAnswersForbidFramingAndLoadingAnything() {
		for (Response response : List.of(api.get("/api/outlets"), api.get("/api/me"), api.get("/api/me", "admin", "admin"),
				api.get("/api/no-such-thing", "admin", "admin"))) {
			assertSecure(response);
			assertThat(response.header("Content-Security-Policy")).as(response.toString())
				.isEqualTo(SecurityHeaders.API_POLICY);
		}
	}

	@Test
	void pagesOfTheApplicationHaveThePagePolicy() {
		for (String path : List.of("/outlets", "/swagger-ui/index.html", "/v3/api-docs", "/css/outlets.css",
				"/no-such-page")) {
			Response response = api.get(path);
			assertSecure(response);
			assertThat(response.header("Content-Security-Policy")).as(path).isEqualTo(SecurityHeaders.PAGE_POLICY);
		}
		assertThat(api.get("/outlets").status()).isEqualTo(200);
		assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void camundaWebappsKeepTheirOwnPolicyAndGainTheMissingHeaders() {
		Response tasklist = api.get("/camunda/app/tasklist/default/");
		assertThat(tasklist.status()).isEqualTo(200);
		assertSecure(tasklist);
		// Camunda's own nonce-based policy, not ours.
		assertThat(tasklist.header("Content-Security-Policy")).contains("'strict-dynamic'").contains("frame-ancestors 'none'");

		Response webappApi = api.get("/camunda/api/engine/engine/");
		assertSecure(webappApi);
		assertThat(webappApi.header("Content-Security-Policy")).isNotBlank();

		Response asset = api.get("/camunda/app/tasklist/scripts/config.js");
		assertThat(asset.status()).isEqualTo(200);
		assertSecure(asset);
	}

	@Test
	void engineRestAnswersHaveTheApiPolicy() {
		for (Response response : List.of(api.get("/engine-rest/engine"), api.get("/engine-rest/process-definition"),
				api.get("/engine-rest/process-definition", "admin", "admin"))) {
			assertSecure(response);
			assertThat(response.header("Content-Security-Policy")).as(response.toString())
				.isEqualTo(SecurityHeaders.API_POLICY);
		}
	}

	private static void assertSecure(Response response) {
		String what = response.raw().uri() + " " + response.status();
		assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
		assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
		assertThat(response.header("Content-Security-Policy")).as(what).contains("frame-ancestors 'none'");
		assertThat(response.raw().headers().allValues("X-Frame-Options")).as(what).hasSize(1);
		assertThat(response.raw().headers().allValues("Content-Security-Policy")).as(what).hasSize(1);
	}

}
