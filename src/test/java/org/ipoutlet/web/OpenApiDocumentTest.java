package org.ipoutlet.web;

import static org.assertj.core.api.Assertions.assertThat;
import org.ipoutlet.identity.WebTest;

import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** The API is described by an OpenAPI document, public like the register. */
@WebTest
class OpenApiDocumentTest {

	@LocalServerPort
	int port;

	@Test
	void documentDescribesTheRegisterAndBasicAuthentication() {
		Response response = new ApiClient(port).get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		JsonNode doc = response.json();
		assertThat(doc.path("info").path("title").asText()).isEqualTo("国家知识产权信息公共服务网点备案 API");
		assertThat(doc.path("paths").has("/api/outlets")).isTrue();
		assertThat(doc.path("paths").has("/api/outlets/{filingNo}")).isTrue();
		assertThat(doc.path("paths").has("/api/me")).isTrue();
		JsonNode basic = doc.path("components").path("securitySchemes").path("basicAuth");
		assertThat(basic.path("type").asText()).isEqualTo("http");
		assertThat(basic.path("scheme").asText()).isEqualTo("basic");
		// The register is public; /api/me inherits the document-wide Basic requirement.
		JsonNode list = doc.path("paths").path("/api/outlets").path("get");
		assertThat(list.has("security")).isTrue();
		assertThat(list.path("security")).isEmpty();
		assertThat(doc.path("security").get(0).has("basicAuth")).isTrue();
		assertThat(doc.path("paths").path("/api/me").path("get").has("security")).isFalse();
		assertThat(list.path("responses").path("400").path("content").has("application/problem+json")).isTrue();
		// The caller is resolved from the request, not a parameter.
		assertThat(doc.path("paths").path("/api/me").path("get").has("parameters")).isFalse();
		assertThat(new ApiClient(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

}
