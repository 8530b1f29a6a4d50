package org.ipoutlet.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.document.TestDocuments;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.tasklist.web.TasklistSession;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Art. 6 (README, "Without both documents there is no recommendation"): a filing reaches the
 * recommender, and so CNIPA, only once the signed and sealed 备案表 and the work rules are both in
 * the documents store, whichever route it started by: {@code /engine-rest}, {@code POST /api/filings},
 * or Tasklist (whose start form cannot carry files). Until then it waits in the applicant's
 * {@code attachDocuments}; {@code preliminaryReview} never exists before.
 */
@WebTest
class WithoutBothDocumentsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	ApiClient api;

	@BeforeEach
	void setUp() {
		identity.clearAuthentication();
		api = new ApiClient(port);
	}

	@Test
	void Art6_engineRestStartWithoutDocumentsWaitsForTheApplicantAndCannotSkipTheStep() throws Exception {
		Response started = engine("applicant", "/process-definition/key/outlet-filing/submit-form",
				Map.of("variables", typed(form())));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pi = started.json().path("id").asText();
		Jobs.runDue(management, pi);

		Task attach = only(pi);
		assertThat(attach.getTaskDefinitionKey()).isEqualTo(TaskKeys.ATTACH_DOCUMENTS);
		assertThat(attach.getAssignee()).isEqualTo("applicant");
		assertThat(runtime.getVariable(pi, DOCUMENTS_COMPLETE)).isEqualTo(false);

		// Completing the step without the documents is refused with both fields, in Chinese; the step stays.
		Response refused = engine("applicant", "/task/" + attach.getId() + "/submit-form", Map.of("variables", Map.of()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(SEALED_FORM, WORK_RULES);
		assertThat(refused.json().path("errors").findValuesAsText("messageZh"))
			.allSatisfy(m -> assertThat(m).contains("请先上传", "第六条"));
		assertThat(refused.body()).doesNotContain("Exception", "at org.");
		assertNoReviewYet(pi);
		// The recommender cannot work on it, nor can another applicant complete it.
		assertThat(engine("shanghai", "/task/" + attach.getId() + "/complete", Map.of()).status()).isIn(403, 404);
		assertThat(engine("applicant2", "/task/" + attach.getId() + "/complete", Map.of()).status()).isIn(403, 404);
		assertThat(only(pi).getId()).as("the applicant's step is still open").isEqualTo(attach.getId());

		// One document is not enough: the application still waits.
		assertThat(upload("applicant", business(pi), SEALED_FORM, "备案表-盖章.png", TestDocuments.PNG).status()).isEqualTo(201);
		Jobs.runDue(management, pi);
		assertThat(only(pi).getTaskDefinitionKey()).isEqualTo(TaskKeys.ATTACH_DOCUMENTS);
		assertNoReviewYet(pi);

		// The work rules sent with the completion as a File variable (checked as on every route) end the step.
		Response bad = engine("applicant", "/task/" + attach.getId() + "/submit-form", Map.of("variables",
				Map.of(WORK_RULES, TestDocuments.restFile(TestDocuments.file("制度.pdf", TestDocuments.HTML)))));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.json().path("errors").findValuesAsText("rule")).contains("fileContent");
		assertNoReviewYet(pi);
		Response done = engine("applicant", "/task/" + attach.getId() + "/submit-form", Map.of("variables",
				Map.of(WORK_RULES, TestDocuments.restFile(TestDocuments.file("制度.pdf", TestDocuments.PDF)))));
		assertThat(done.status()).as(done.body()).isIn(200, 204);
		Jobs.runDue(management, pi);
		assertThat(only(pi).getTaskDefinitionKey()).isEqualTo(TaskKeys.PRELIMINARY_REVIEW);
		assertThat(documents("shanghai", business(pi)).path("missing")).isEmpty();
	}

	@Test
	void Art6_apiSubmissionWithoutTheScanGoesToTheRecommenderWhenTheScanIsAttached() throws Exception {
		Map<String, Object> body = form();
		body.put(WORK_RULES, Map.of("filename", "rules.pdf", "contentBase64", Base64.getEncoder().encodeToString(TestDocuments.PDF)));
		Response submitted = post("applicant", "/api/filings", "application/json", JSON.writeValueAsBytes(body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String no = submitted.json().path("applicationNo").asText();
		String pi = instance(no);
		Jobs.runDue(management, pi);

		assertThat(only(pi).getTaskDefinitionKey()).isEqualTo(TaskKeys.ATTACH_DOCUMENTS);
		assertThat(JSON.convertValue(documents("applicant", no).path("missing"), List.class)).isEqualTo(List.of(SEALED_FORM));
		assertNoReviewYet(pi);

		// An API client has no task to complete: the upload that completes the documents submits the application.
		assertThat(upload("applicant", no, SEALED_FORM, "备案表.pdf", TestDocuments.PDF).status()).isEqualTo(201);
		Jobs.runDue(management, pi);
		Task review = only(pi);
		assertThat(review.getTaskDefinitionKey()).isEqualTo(TaskKeys.PRELIMINARY_REVIEW);
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi)
			.taskDefinitionKey(TaskKeys.ATTACH_DOCUMENTS).finished().count()).isEqualTo(1);
	}

	@Test
	void Art6_apiSubmissionWithBothDocumentsGoesStraightToTheRecommender() throws Exception {
		Map<String, Object> body = form();
		body.put(WORK_RULES, Map.of("filename", "rules.pdf", "contentBase64", Base64.getEncoder().encodeToString(TestDocuments.PDF)));
		body.put(SEALED_FORM, Map.of("filename", "scan.pdf", "contentBase64", Base64.getEncoder().encodeToString(TestDocuments.PDF)));
		Response submitted = post("applicant", "/api/filings", "application/json", JSON.writeValueAsBytes(body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String pi = instance(submitted.json().path("applicationNo").asText());
		Jobs.runDue(management, pi);

		assertThat(only(pi).getTaskDefinitionKey()).isEqualTo(TaskKeys.PRELIMINARY_REVIEW);
		assertThat(runtime.getVariable(pi, DOCUMENTS_COMPLETE)).isEqualTo(true);
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi)
			.taskDefinitionKey(TaskKeys.ATTACH_DOCUMENTS).count()).as("no applicant step").isZero();
	}

	@Test
	void Art6_tasklistStartWaitsUntilBothDocumentsAreAttachedInTasklist() throws Exception {
		TasklistSession session = TasklistSession.login(port, "applicant");
		// What Tasklist's start form sends: the form's fields, no files (form-js 1.8 has no file picker).
		Response started = session.send(session.request(
				"/camunda/api/engine/engine/default/process-definition/key/outlet-filing/submit-form")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"))
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", typed(form()))), StandardCharsets.UTF_8)));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pi = started.json().path("id").asText();
		String no = business(pi);
		Jobs.runDue(management, pi);
		Task attach = only(pi);
		assertThat(attach.getTaskDefinitionKey()).isEqualTo(TaskKeys.ATTACH_DOCUMENTS);

		// The 备案材料 tab of the applicant's task offers the uploads.
		Response tab = session.get("/camunda/api/tasklist/plugin/outlet-documents/default/tasks/" + attach.getId());
		assertThat(tab.status()).as(tab.body()).isEqualTo(200);
		assertThat(tab.json().path("mayUpload").asBoolean()).isTrue();
		assertThat(JSON.convertValue(tab.json().path("missing"), List.class)).isEqualTo(List.of(WORK_RULES, SEALED_FORM));

		assertThat(tasklistUpload(session, no, WORK_RULES, "工作制度.docx", TestDocuments.DOCX).status()).isEqualTo(201);
		Jobs.runDue(management, pi);
		assertNoReviewYet(pi);
		Response last = tasklistUpload(session, no, SEALED_FORM, "备案表-盖章.jpg", TestDocuments.JPEG);
		assertThat(last.status()).as(last.body()).isEqualTo(201);
		assertThat(last.json().path("missing")).isEmpty();
		Jobs.runDue(management, pi);
		assertThat(only(pi).getTaskDefinitionKey()).isEqualTo(TaskKeys.PRELIMINARY_REVIEW);
	}

	// --- helpers ---

	/** The applicant's one open task; the instance has exactly one at every wait state here. */
	private Task only(String pi) {
		List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
		assertThat(open).as("open tasks of " + pi).hasSize(1);
		return open.get(0);
	}

	/** The recommender's step has never existed, and nothing is at CNIPA. */
	private void assertNoReviewYet(String pi) {
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi)
			.taskDefinitionKeyIn(TaskKeys.PRELIMINARY_REVIEW, TaskKeys.CNIPA_REVIEW).count()).as("reviews of " + pi).isZero();
	}

	private String business(String pi) {
		return runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
	}

	private String instance(String applicationNo) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ProcessKeys.OUTLET_FILING)
			.processInstanceBusinessKey(applicationNo)
			.singleResult();
		assertThat(instance).as(applicationNo).isNotNull();
		return instance.getId();
	}

	/** The fixture's 备案表 as plain JSON values, without the documents and the applicant. */
	private static Map<String, Object> form() {
		Map<String, Object> form = new LinkedHashMap<>();
		FilingFixtures.application(FilingFixtures.newUscc()).forEach((k, v) -> {
			if (!k.equals(APPLICANT) && !k.equals(WORK_RULES) && !k.equals(SEALED_FORM)) {
				form.put(k, JsonValues.toJava(v));
			}
		});
		return form;
	}

	/** As Tasklist and REST clients send variables: lists as Json, the rest with their type. */
	private static Map<String, Object> typed(Map<String, Object> form) throws Exception {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (var e : form.entrySet()) {
			Object value = e.getValue();
			String type = value instanceof List<?> ? "Json" : value instanceof Integer ? "Integer"
					: value instanceof Boolean ? "Boolean" : "String";
			variables.put(e.getKey(), Map.of("type", type, "value", value instanceof List<?> ? JSON.writeValueAsString(value) : value));
		}
		return variables;
	}

	private Response engine(String user, String path, Object body) throws Exception {
		return post(user, "/engine-rest" + path, "application/json", JSON.writeValueAsBytes(body));
	}

	private Response upload(String user, String no, String field, String name, byte[] content) {
		return post(user, "/api/filings/" + no + "/documents/" + field + "?fileName="
				+ URLEncoder.encode(name, StandardCharsets.UTF_8), "application/octet-stream", content);
	}

	private com.fasterxml.jackson.databind.JsonNode documents(String user, String no) {
		Response list = api.get("/api/filings/" + no + "/documents", user, user);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		return list.json();
	}

	private static Response tasklistUpload(TasklistSession session, String no, String field, String name, byte[] content) {
		return session.send(session.request("/camunda/api/tasklist/plugin/outlet-documents/default/applications/" + no
				+ "/documents/" + field + "?fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
			.header("Content-Type", "application/octet-stream")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"))
			.POST(BodyPublishers.ofByteArray(content)));
	}

	private Response post(String user, String path, String type, byte[] body) {
		HttpRequest.Builder request = api.request(path).header("Content-Type", type).POST(BodyPublishers.ofByteArray(body));
		if (user != null) {
			request.header("Authorization", ApiClient.basic(user, user));
		}
		return api.send(request);
	}

}
