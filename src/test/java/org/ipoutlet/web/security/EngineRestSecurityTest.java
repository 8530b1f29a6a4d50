package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ipoutlet.identity.WebTest;

/**
 * /engine-rest as Camunda Modeler and REST clients see it: HTTP Basic against Camunda's users, then
 * the engine's authorizations per group (contract: HTTP).
 */
@WebTest
class EngineRestSecurityTest {

	private static final String CANDIDATE_GROUP = "recommender-310000";

	private final HttpClient http = HttpClient.newHttpClient();
	private final ObjectMapper json = new ObjectMapper();
	private final List<String> deployments = new ArrayList<>();

	@LocalServerPort int port;
	@Autowired IdentityService identityService;

	@AfterEach
	void deleteDeployments() throws Exception {
		for (String id : deployments) {
			assertThat(send("admin", "admin", "DELETE", "/deployment/" + id + "?cascade=true", null).statusCode())
				.isEqualTo(204);
		}
	}

	@Test
	void anonymousCallIsRefusedWith401() throws Exception {
		HttpResponse<String> response = send(null, null, "GET", "/process-definition", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
	}

	@Test
	void adminWithItsPasswordIsServed() throws Exception {
		HttpResponse<String> response = send("admin", "admin", "GET", "/process-definition", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).isArray()).isTrue();
	}

	/**
	 * A wrong password is refused. Camunda then delays that user's next login by seconds (brute-force
	 * protection), so this uses a user of its own rather than a demo user other tests log in as.
	 */
	@Test
	void wrongPasswordIsRefusedWith401() throws Exception {
		String userId = "probe" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		User user = identityService.newUser(userId);
		user.setPassword("right-" + userId);
		identityService.saveUser(user);
		try {
			assertThat(send(userId, "wrong-" + userId, "GET", "/process-definition", null).statusCode()).isEqualTo(401);
			assertThat(send("nobody", "nobody", "GET", "/process-definition", null).statusCode()).isEqualTo(401);
		}
		finally {
			identityService.deleteUser(userId);
		}
	}

	@Test
	void engineListIsOpenByDesign() throws Exception {
		HttpResponse<String> response = send(null, null, "GET", "/engine", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"default\"");
	}

	@Test
	void candidateGroupAloneWorksATaskDeployedLikeModelerDoes() throws Exception {
		String key = "engine-rest-probe-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> deployed = deploy("admin", key);
		assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
		deployments.add(json.readTree(deployed.body()).get("id").asText());

		HttpResponse<String> started = send("admin", "admin", "POST", "/process-definition/key/" + key + "/start", "{}");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		String instance = json.readTree(started.body()).get("id").asText();
		String taskQuery = "/task?processInstanceId=" + instance;

		// Another province sees nothing and cannot complete.
		assertThat(array(send("beijing", "beijing", "GET", taskQuery, null))).isEmpty();
		String taskId = array(send("shanghai", "shanghai", "GET", taskQuery, null)).get(0).get("id").asText();
		assertThat(send("beijing", "beijing", "POST", "/task/" + taskId + "/complete", "{}").statusCode())
			.isIn(403, 404);

		// The auditor reads runtime and history but works nothing and deploys nothing.
		assertThat(array(send("auditor", "auditor", "GET", taskQuery, null))).hasSize(1);
		assertThat(send("auditor", "auditor", "POST", "/task/" + taskId + "/complete", "{}").statusCode())
			.isEqualTo(403);
		assertThat(deploy("auditor", key + "-auditor").statusCode()).isEqualTo(403);
		assertThat(deploy("applicant", key + "-applicant").statusCode()).isEqualTo(403);

		// CNIPA oversees every task but works only its own candidate tasks.
		assertThat(array(send("cnipa", "cnipa", "GET", taskQuery, null))).hasSize(1);
		assertThat(send("cnipa", "cnipa", "POST", "/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(403);

		// The candidate group claims and completes.
		assertThat(send("shanghai", "shanghai", "POST", "/task/" + taskId + "/claim", "{\"userId\":\"shanghai\"}")
			.statusCode()).isEqualTo(204);
		assertThat(send("shanghai", "shanghai", "POST", "/task/" + taskId + "/complete", "{}").statusCode())
			.isEqualTo(204);
		assertThat(array(send("shanghai", "shanghai", "GET", taskQuery, null))).isEmpty();

		// History, as the auditor sees it in Cockpit.
		JsonNode history = array(send("auditor", "auditor", "GET", "/history/process-instance?processInstanceId="
				+ instance, null));
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("state").asText()).isEqualTo("COMPLETED");
		JsonNode tasks = array(send("auditor", "auditor", "GET", "/history/task?processInstanceId=" + instance, null));
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0).get("assignee").asText()).isEqualTo("shanghai");
		assertThat(array(send("beijing", "beijing", "GET", "/history/process-instance?processInstanceId="
				+ instance, null))).isEmpty();
	}

	private JsonNode array(HttpResponse<String> response) throws IOException {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode node = json.readTree(response.body());
		assertThat(node.isArray()).isTrue();
		return node;
	}

	/** A multipart deployment as Camunda Modeler sends it. */
	private HttpResponse<String> deploy(String user, String key) throws Exception {
		String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("probeTask").name("测试任务").camundaCandidateGroups(CANDIDATE_GROUP)
			.endEvent()
			.done());
		String boundary = "----probe" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		part(body, boundary, "deployment-name", null, key);
		part(body, boundary, "deployment-source", null, "Camunda Modeler");
		part(body, boundary, "deploy-changed-only", null, "false");
		part(body, boundary, key + ".bpmn", key + ".bpmn", bpmn);
		body.append("--").append(boundary).append("--\r\n");
		HttpRequest request = request(user, user, "/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build();
		return http.send(request, BodyHandlers.ofString());
	}

	private static void part(StringBuilder body, String boundary, String name, String filename, String content) {
		body.append("--").append(boundary).append("\r\n");
		body.append("Content-Disposition: form-data; name=\"").append(name).append('"');
		if (filename != null) {
			body.append("; filename=\"").append(filename).append("\"\r\nContent-Type: application/octet-stream");
		}
		body.append("\r\n\r\n").append(content).append("\r\n");
	}

	private HttpResponse<String> send(String user, String password, String method, String path, String jsonBody)
			throws Exception {
		BodyPublisher publisher = jsonBody == null ? BodyPublishers.noBody()
				: BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
		HttpRequest.Builder request = request(user, password, path).method(method, publisher)
			.header("Accept", "application/json");
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String user, String password, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path));
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		return request;
	}

}
