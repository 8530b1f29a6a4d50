package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Client mistakes on Camunda's REST API ({@code /engine-rest}) and on the webapps' engine API
 * ({@code /camunda/api/engine}, with a real session and CSRF token) are 400, and no error answer
 * carries SQL, a stack trace, a Java class name or engine internals; a 5xx is a generic message with
 * a reference id (README: Security).
 */
@WebTest
class EngineErrorBodiesTest {

	/** What must never be in an error body: Java packages, stack frames, SQL, engine codes of internals. */
	private static final Pattern INTERNALS = Pattern.compile(
			"(?i)(\\b(java|javax|jakarta|org|com|sun)\\.[a-z0-9_]+\\.|\\bat [a-z0-9_.$]+\\(|\\bselect\\b.+\\bfrom\\b|"
					+ "\\binsert into\\b|\\bupdate\\s+act_|\\bACT_[A-Z]{2}_|Exception:|\\bcaused by\\b|\\$\\{)");

	private static final String OBJECT_VARIABLE = """
			{"type":"Object","value":"rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAAAeA==",\
			"valueInfo":{"objectTypeName":"java.lang.Object","serializationDataFormat":"application/x-java-serialized-object"}}""";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	private final ObjectMapper json = new ObjectMapper();
	private String deploymentId;
	private String processInstanceId;
	private String failingKey;

	@BeforeEach
	void deploy() {
		identity.clearAuthentication();
		String key = "error-probe-" + UUID.randomUUID().toString().substring(0, 8);
		failingKey = key + "-failing";
		deploymentId = repository.createDeployment()
			.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.userTask("wait")
				.endEvent()
				.done())
			.addModelInstance(failingKey + ".bpmn", Bpmn.createExecutableProcess(failingKey)
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.serviceTask("fails")
				.camundaExpression("${noSuchBean.call()}")
				.endEvent()
				.done())
			.deploy()
			.getId();
		processInstanceId = runtime.startProcessInstanceByKey(key).getId();
	}

	@AfterEach
	void undeploy() {
		repository.deleteDeployment(deploymentId, true);
	}

	@Test
	void deploymentWithoutBodyOrWithoutFilesIs400() throws Exception {
		HttpResponse<String> noBody = engineRest("POST", "/deployment/create", null, null);
		assertClientMistake(noBody);

		String boundary = "----probe" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nempty\r\n--"
				+ boundary + "--\r\n";
		HttpResponse<String> noFiles = engineRest("POST", "/deployment/create", body,
				"multipart/form-data; boundary=" + boundary);
		assertClientMistake(noFiles);
	}

	@Test
	void malformedJsonSerializedObjectAndUnknownTypeVariablesAre400OnEngineRest() throws Exception {
		String path = "/process-instance/" + processInstanceId + "/variables/probe";
		assertClientMistake(engineRest("PUT", path, "{\"type\":\"Json\",\"value\":\"{not json\"}", "application/json"));
		assertClientMistake(engineRest("PUT", path, OBJECT_VARIABLE, "application/json"));
		assertClientMistake(engineRest("PUT", path, "{\"type\":\"NoSuchType\",\"value\":\"x\"}", "application/json"));
		assertClientMistake(engineRest("POST", "/process-instance/" + processInstanceId + "/variables",
				"{\"modifications\":{\"probe\":{\"type\":\"Json\",\"value\":\"[1,\"}}}", "application/json"));
		assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("probe");
	}

	@Test
	void theSameMistakesAre400OnTheWebappsEngineApi() throws Exception {
		WebappSession webapp = admin();
		String path = "/camunda/api/engine/engine/default/process-instance/" + processInstanceId + "/variables/probe";
		assertClientMistake(webapp.send("PUT", path, "{\"type\":\"Json\",\"value\":\"{not json\"}"));
		assertClientMistake(webapp.send("PUT", path, OBJECT_VARIABLE));
		assertClientMistake(webapp.send("PUT", path, "{\"type\":\"NoSuchType\",\"value\":\"x\"}"));
		assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("probe");
		// The session and token work: a correct write is accepted.
		assertThat(webapp.send("PUT", path, "{\"type\":\"String\",\"value\":\"ok\"}").statusCode()).isEqualTo(204);
	}

	@Test
	void aServerErrorIsAGenericMessageWithAReferenceOnBothApis() throws Exception {
		HttpResponse<String> rest = engineRest("POST", "/process-definition/key/" + failingKey + "/start", "{}",
				"application/json");
		assertGenericServerError(rest);

		WebappSession webapp = admin();
		HttpResponse<String> viaWebapp = webapp.send("POST",
				"/camunda/api/engine/engine/default/process-definition/key/" + failingKey + "/start", "{}");
		assertGenericServerError(viaWebapp);
	}

	private WebappSession admin() throws Exception {
		WebappSession webapp = new WebappSession(port, null);
		assertThat(webapp.login("admin", "admin").statusCode()).isEqualTo(200);
		return webapp;
	}

	private void assertClientMistake(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).doesNotContainPattern(INTERNALS);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("message").asText()).isNotBlank();
	}

	private void assertGenericServerError(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
		assertThat(response.body()).doesNotContainPattern(INTERNALS).doesNotContain("noSuchBean");
		JsonNode body = json.readTree(response.body());
		String reference = body.path("reference").asText();
		assertThat(reference).hasSize(36);
		assertThat(body.path("message").asText()).contains(reference);
	}

	private HttpResponse<String> engineRest(String method, String path, String body, String contentType)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
			.header("Authorization", ApiClient.basic("admin", "admin"))
			.header("Accept", "application/json")
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

}
