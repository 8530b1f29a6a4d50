package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;

/** The filter over Camunda's JAX-RS answers, alone: what it holds back, replaces and passes (README: Security). */
class EngineErrorBodiesFilterTest {

	private final ObjectMapper json = new ObjectMapper();
	private final EngineErrorBodies filter = new EngineErrorBodies(json);

	@Test
	void aServerErrorWithSqlBecomesGenericWithAReferenceThatIsLogged() throws Exception {
		String camunda = "{\"type\":\"ProcessEngineException\",\"message\":\"### Error updating database. Cause: "
				+ "org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: INSERT INTO ACT_RU_VARIABLE ...\"}";
		try (LogCapture log = new LogCapture(EngineErrorBodies.class)) {
			MockHttpServletResponse response = run(500, camunda);

			assertThat(response.getStatus()).isEqualTo(500);
			JsonNode body = json.readTree(response.getContentAsString());
			String reference = body.path("reference").asText();
			assertThat(body.path("message").asText()).contains(reference);
			assertThat(response.getContentAsString()).doesNotContain("INSERT").doesNotContain("org.h2");
			assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
			assertThat(log.messages()).anySatisfy(m -> assertThat(m).contains(reference).contains("INSERT INTO"));
		}
	}

	@Test
	void aServerErrorThatIsAClientMistakeBecomes400() throws Exception {
		MockHttpServletResponse response = run(500, "{\"type\":\"ProcessEngineException\",\"message\":"
				+ "\"Cannot put process instance variable x: Malformed Json variable value for x: not well-formed JSON\"}");
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(json.readTree(response.getContentAsString()).path("message").asText())
			.isEqualTo("A Json or Xml variable value is not well-formed");
	}

	/** Tasklist shows this message next to the form: it must survive, as a 400. */
	@Test
	void aSubmissionRefusedByOurRulesIs400WithTheRulesMessage() throws Exception {
		String refusal = "提交内容有误，请更正后重新提交：统一社会信用代码：校验码错误（uscc） | Invalid submission: uscc: has a wrong check character";
		MockHttpServletResponse response = run(500, "{\"type\":\"RestException\",\"message\":\"Cannot submit task form 1: "
				+ "ENGINE-03051 There was an exception while invoking the TaskListener. Message: '" + refusal + "'\",\"code\":0}");
		assertThat(response.getStatus()).isEqualTo(400);
		JsonNode body = json.readTree(response.getContentAsString());
		assertThat(body.path("message").asText()).isEqualTo(refusal);
		assertThat(body.path("type").asText()).isEqualTo("SubmissionRejected");
	}

	@Test
	void aClientErrorKeepsItsMessageWithoutPackages() throws Exception {
		MockHttpServletResponse response = run(400, "{\"type\":\"InvalidRequestException\",\"message\":"
				+ "\"Cannot convert value 'abc' of type 'String' to java type java.lang.Integer\",\"code\":0}");
		assertThat(response.getStatus()).isEqualTo(400);
		JsonNode body = json.readTree(response.getContentAsString());
		assertThat(body.path("message").asText()).isEqualTo("Cannot convert value 'abc' of type 'String' to java type Integer");
		assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
	}

	@Test
	void successfulAnswersPassUntouchedWithTheirLength() throws Exception {
		MockHttpServletResponse response = run(200, "[{\"id\":\"org.example.Thing\"}]");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("[{\"id\":\"org.example.Thing\"}]");
		assertThat(response.getContentLength()).isEqualTo(28);
	}

	/** The chain answers like Jersey: Content-Length first, then the status, then the body. */
	private MockHttpServletResponse run(int status, String body) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/engine-rest/x");
		request.setServletPath("/engine-rest");
		request.setPathInfo("/x");
		MockHttpServletResponse response = new MockHttpServletResponse();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		FilterChain jersey = (req, res) -> {
			var http = (jakarta.servlet.http.HttpServletResponse) res;
			http.setContentLength(bytes.length);
			http.setContentType("application/json");
			http.setStatus(status);
			http.getOutputStream().write(bytes);
		};
		filter.doFilter(request, response, jersey);
		return response;
	}

}
