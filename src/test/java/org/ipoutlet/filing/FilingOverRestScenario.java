package org.ipoutlet.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A whole filing through the engine's REST API, as Tasklist drives it, each step by the role the
 * contract gives it; the database is the subclass's (H2 or PostgreSQL). Jobs are executed through
 * REST by the administrator, as Cockpit does, since tests run without the job executor.
 */
abstract class FilingOverRestScenario extends ConcurrentSubmissionsScenario {

	private final HttpClient http = HttpClient.newHttpClient();
	private final ObjectMapper json = new ObjectMapper();

	@Autowired
	OutletRepository outlets;

	String uscc;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(date("2026-03-02T09:00:00+08:00"));
		uscc = FilingFixtures.newUscc();
	}

	@Test
	void Art7_wholeFilingThroughRestAsEachRole() throws Exception {
		JsonNode started = post("applicant", "/process-definition/key/outlet-filing/submit-form",
				Map.of("variables", typed(submitted(uscc))), 200);
		String pi = started.get("id").asText();
		String applicationNo = started.get("businessKey").asText();
		assertThat(applicationNo).matches("SQ-2026-\\d{6}");
		runJobs(pi);

		// Preliminary review: only the chosen recommender (Shanghai) sees and works the task.
		assertThat(get("beijing", "/task?processInstanceId=" + pi, 200)).isEmpty();
		JsonNode review = single(get("shanghai", "/task?processInstanceId=" + pi, 200));
		assertThat(review.get("taskDefinitionKey").asText()).isEqualTo("preliminaryReview");
		String reviewId = review.get("id").asText();
		assertThat(status("beijing", "POST", "/task/" + reviewId + "/complete", "{\"variables\":{}}"))
			.isIn(403, 404);
		assertThat(get("shanghai", "/task/" + reviewId + "/deployed-form", 200).get("id").asText())
			.isEqualTo("preliminary-review");
		post("shanghai", "/task/" + reviewId + "/submit-form", Map.of("variables",
				typed(Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "资源和人员实力较强，同意推荐"))), 204);
		runJobs(pi);

		// CNIPA review.
		assertThat(get("shanghai", "/task?processInstanceId=" + pi, 200)).isEmpty();
		JsonNode cnipaTask = single(get("cnipa", "/task?processInstanceId=" + pi, 200));
		assertThat(cnipaTask.get("taskDefinitionKey").asText()).isEqualTo("cnipaReview");
		assertThat(status("applicant", "POST", "/task/" + cnipaTask.get("id").asText() + "/complete",
				"{\"variables\":{}}")).isIn(403, 404);
		post("cnipa", "/task/" + cnipaTask.get("id").asText() + "/submit-form", Map.of("variables",
				typed(Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案，进行公示"))), 204);
		runJobs(pi);

		// Publicity: 5 working days, then registration.
		ClockUtil.setCurrentTime(date("2026-03-10T00:00:01+08:00"));
		runJobs(pi);

		JsonNode finished = get("auditor", "/history/process-instance/" + pi, 200);
		assertThat(finished.get("state").asText()).isEqualTo("COMPLETED");
		Map<String, String> vars = new LinkedHashMap<>();
		get("auditor", "/history/variable-instance?processInstanceId=" + pi, 200)
			.forEach(v -> vars.put(v.get("name").asText(), v.get("value").asText()));
		assertThat(vars).containsEntry(OUTCOME, "FILED").containsEntry(VALID_UNTIL, "2029-03-09");
		assertThat(outlets.get(vars.get(FILING_NO)).status()).isEqualTo(OutletStatus.FILED);
		assertThat(status("auditor", "POST", "/process-definition/key/outlet-filing/submit-form", "{\"variables\":{}}"))
			.isEqualTo(403);
	}

	@Test
	void invalidSubmissionThroughRestGets400NamingTheFieldsAndLeavesNothing() throws Exception {
		Map<String, Object> app = submitted(uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
		app.put(STAFF_FULL_TIME, -1);
		int applicationsBefore = jdbc.queryForObject("select count(*) from filing_application", Integer.class);
		int instancesBefore = get("admin", "/history/process-instance/count", 200).get("count").asInt();

		JsonNode refused = post("applicant", "/process-definition/key/outlet-filing/submit-form",
				Map.of("variables", typed(app)), 400);
		assertThat(refused.get("message").asText()).contains("统一社会信用代码").contains("uscc");
		assertThat(refused.get("errors")).extracting(e -> e.get("field").asText() + ":" + e.get("rule").asText())
			.contains("uscc:checkCharacter", "staffFullTime:range");

		refused = post("applicant", "/process-definition/key/outlet-filing/start", Map.of("variables", typed(app)), 400);
		assertThat(refused.get("errors")).isNotEmpty();

		assertThat(get("admin", "/history/process-instance/count", 200).get("count").asInt()).isEqualTo(instancesBefore);
		assertThat(jdbc.queryForObject("select count(*) from filing_application", Integer.class))
			.isEqualTo(applicationsBefore);
	}

	@Test
	void refusedReviewerDecisionThroughRestGets400AndTheTaskStaysOpen() throws Exception {
		JsonNode started = post("applicant", "/process-definition/key/outlet-filing/submit-form",
				Map.of("variables", typed(submitted(uscc))), 200);
		String pi = started.get("id").asText();
		runJobs(pi);
		String reviewId = single(get("shanghai", "/task?processInstanceId=" + pi, 200)).get("id").asText();

		JsonNode refused = post("shanghai", "/task/" + reviewId + "/submit-form",
				Map.of("variables", typed(Map.of(RECOMMENDATION, "PERHAPS", RECOMMENDER_OPINION, ""))), 400);
		assertThat(refused.get("errors")).extracting(e -> e.get("field").asText())
			.containsExactlyInAnyOrder("recommendation", "recommenderOpinion");
		assertThat(get("shanghai", "/task/" + reviewId, 200).get("id").asText()).isEqualTo(reviewId);
	}

	// --- REST helpers ---

	/** Variables in the REST API's typed form, as Tasklist sends them. */
	private Map<String, Object> typed(Map<String, Object> variables) {
		Map<String, Object> out = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value instanceof org.camunda.bpm.engine.variable.value.FileValue file) {
				out.put(name, org.ipoutlet.document.TestDocuments.restFile(file));
				return;
			}
			Object v = value instanceof TypedValue t ? t.getValue() : value;
			String type = v instanceof SpinJsonNode ? "Json" : v instanceof Integer ? "Integer"
					: v instanceof Boolean ? "Boolean" : "String";
			out.put(name, Map.of("value", v instanceof SpinJsonNode ? v.toString() : v, "type", type));
		});
		return out;
	}

	/** Executes the instance's due jobs through REST as the administrator, until none is due. */
	private void runJobs(String processInstanceId) throws Exception {
		for (int round = 0; round < 20; round++) {
			JsonNode due = get("admin", "/job?executable=true&processInstanceId=" + processInstanceId, 200);
			if (due.isEmpty()) {
				return;
			}
			for (JsonNode job : due) {
				assertThat(status("admin", "POST", "/job/" + job.get("id").asText() + "/execute", null)).isEqualTo(204);
			}
		}
		throw new IllegalStateException("Jobs keep coming");
	}

	private JsonNode single(JsonNode list) {
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	private JsonNode get(String user, String path, int expectedStatus) throws Exception {
		HttpResponse<String> response = send(user, "GET", path, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return json.readTree(response.body());
	}

	private JsonNode post(String user, String path, Object body, int expectedStatus) throws Exception {
		HttpResponse<String> response = send(user, "POST", path, json.writeValueAsString(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
		return response.body().isEmpty() ? null : json.readTree(response.body());
	}

	private int status(String user, String method, String path, String body) throws Exception {
		return send(user, method, path, body).statusCode();
	}

	private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static Date date(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	/**
	 * The 备案表 as a REST client submits it: the form's fields only. The applicant is the authenticated
	 * user, never a variable the client sends (README: Security).
	 */
	private static Map<String, Object> submitted(String uscc) {
		Map<String, Object> application = FilingFixtures.application(uscc);
		application.remove(APPLICANT);
		return application;
	}

}
