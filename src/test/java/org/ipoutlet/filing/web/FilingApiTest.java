package org.ipoutlet.filing.web;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.ipoutlet.Jobs;
import org.ipoutlet.document.TestDocuments;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Art. 5–8 through the application's API: an institution submits its 备案表 with documents, follows
 * its application, and anyone may object while it is in publicity.
 */
@WebTest
class FilingApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	FilingApi api;

	@BeforeEach
	void setUp() {
		api = new FilingApi(port);
		identity.clearAuthentication();
		ClockUtil.setCurrentTime(date("2026-03-02T09:00:00+08:00"));
	}

	@Test
	void Art6_submissionWithBase64DocumentStartsTheFilingAsTheApplicant() {
		String uscc = FilingFixtures.newUscc();

		Response response = api.submit("applicant", FilingApi.body(uscc));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String applicationNo = response.json().path("applicationNo").asText();
		assertThat(applicationNo).matches("SQ-2026-\\d{6}");
		assertThat(response.json().path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(response.header("Location")).isEqualTo("/api/filings/" + applicationNo);
		ProcessInstance instance = instance(applicationNo);
		runJobs(instance.getId());
		assertThat(openTaskKeys(instance.getId())).containsExactly("preliminaryReview");
		assertThat(runtime.getVariable(instance.getId(), APPLICANT)).isEqualTo("applicant");
		assertThat(runtime.getVariable(instance.getId(), STAFF_TOTAL)).isEqualTo(12);
		// Lists as Json variables, as Tasklist's checklists and dynamic lists store them.
		assertThat(runtime.getVariableTyped(instance.getId(), SERVICE_ITEMS).getType().getName()).isEqualTo("json");
		assertThat(runtime.getVariableTyped(instance.getId(), TEAM_MEMBERS).getType().getName()).isEqualTo("json");
		FileValue rules = runtime.getVariableTyped(instance.getId(), WORK_RULES);
		assertThat(rules.getFilename()).isEqualTo("rules.pdf");
		assertThat(rules.getMimeType()).isEqualTo("application/pdf");
		assertThat(sizeOf(rules)).isEqualTo(FilingApi.PDF.length);
		assertThat(jdbc.queryForObject("select count(*) from filing_application where application_no = ? and uscc = ?",
				Integer.class, applicationNo, uscc)).isEqualTo(1);

		JsonNode status = api.get("applicant", "/api/filings/" + applicationNo).json();
		assertThat(status.path("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(status.path("statusLabel").asText()).isEqualTo("办理中");
		assertThat(status.path("currentSteps").get(0).path("key").asText()).isEqualTo("preliminaryReview");
		assertThat(status.path("currentSteps").get(0).path("name").asText()).isEqualTo("初审和推荐");
		assertThat(status.path("eligible").asBoolean()).isTrue();
	}

	@Test
	void Art6_multipartSubmissionStoresTheUploadedDocuments() {
		String uscc = FilingFixtures.newUscc();
		byte[] docx = TestDocuments.DOCX;

		Response response = api.submitMultipart("applicant2", FilingApi.json(FilingApi.form(uscc)),
				List.of(new FilingApi.FilePart("workRules", "工作制度.docx", docx),
						new FilingApi.FilePart("sealedForm", "sealed.png", TestDocuments.PNG)));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		ProcessInstance instance = instance(response.json().path("applicationNo").asText());
		runJobs(instance.getId());
		assertThat(openTaskKeys(instance.getId())).containsExactly("preliminaryReview");
		FileValue rules = runtime.getVariableTyped(instance.getId(), WORK_RULES);
		assertThat(rules.getFilename()).isEqualTo("工作制度.docx");
		assertThat(sizeOf(rules)).isEqualTo(TestDocuments.DOCX.length);
		FileValue sealed = runtime.getVariableTyped(instance.getId(), SEALED_FORM);
		assertThat(sealed.getMimeType()).isEqualTo("image/png");
		assertThat(runtime.getVariable(instance.getId(), APPLICANT)).isEqualTo("applicant2");
	}

	@Test
	void Art6_theApplicantAttachesDocumentsToAFilingStartedWithoutThem() {
		String uscc = FilingFixtures.newUscc();
		Map<String, Object> variables = FilingFixtures.application(uscc);
		variables.remove(APPLICANT);
		variables.remove(WORK_RULES);
		variables.remove(SEALED_FORM);
		identity.setAuthentication("applicant", List.of("outlets"));
		ProcessInstance started;
		try {
			started = runtime.startProcessInstanceByKey("outlet-filing", variables);
		}
		finally {
			identity.clearAuthentication();
		}
		String path = "/api/filings/" + started.getBusinessKey() + "/attachments";
		List<FilingApi.FilePart> documents = List.of(new FilingApi.FilePart("workRules", "制度.pdf", TestDocuments.PDF),
				new FilingApi.FilePart("sealedForm", "备案表.jpg", TestDocuments.JPEG));

		assertThat(api.postMultipart("applicant2", path, null, documents).status()).as("not the applicant").isEqualTo(404);
		assertThat(api.postMultipart("shanghai", path, null, documents).status()).isEqualTo(404);
		Response wrongType = api.postMultipart("applicant", path, null,
				List.of(new FilingApi.FilePart("workRules", "制度.exe", new byte[] { 'M', 'Z' })));
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().path("errors").get(0).path("rule").asText()).isEqualTo("fileType");
		assertThat(runtime.getVariable(started.getId(), WORK_RULES)).isNull();

		Response attached = api.postMultipart("applicant", path, null, documents);
		assertThat(attached.status()).as(attached.body()).isEqualTo(204);
		FileValue rules = runtime.getVariableTyped(started.getId(), WORK_RULES);
		assertThat(rules.getFilename()).isEqualTo("制度.pdf");
		assertThat(runtime.<FileValue>getVariableTyped(started.getId(), SEALED_FORM).getMimeType()).isEqualTo("image/jpeg");
		assertThat(api.postMultipart("applicant", "/api/filings/SQ-1999-000001/attachments", null, documents).status())
			.isEqualTo(404);
	}

	@Test
	void Art6_documentsCanNoLongerBeAttachedOnceTheApplicationIsClosed() {
		String uscc = FilingFixtures.newUscc();
		Map<String, Object> ineligible = FilingFixtures.application(uscc);
		ineligible.put(INDEPENDENT_LEGAL_ENTITY, false);
		ineligible.remove(APPLICANT);
		identity.setAuthentication("applicant", List.of("outlets"));
		ProcessInstance started;
		try {
			started = runtime.startProcessInstanceByKey("outlet-filing", ineligible);
		}
		finally {
			identity.clearAuthentication();
		}
		runJobs(started.getId());
		Response closed = api.postMultipart("applicant", "/api/filings/" + started.getBusinessKey() + "/attachments", null,
				List.of(new FilingApi.FilePart("workRules", "制度.pdf", TestDocuments.PDF)));
		assertThat(closed.status()).as(closed.body()).isEqualTo(409);
	}

	@Test
	void Art7_secondApplicationOfTheSameInstitutionIsRefusedWhileOneIsPending() {
		String uscc = FilingFixtures.newUscc();
		assertThat(api.submit("applicant", FilingApi.body(uscc)).status()).isEqualTo(201);
		long instances = history.createHistoricProcessInstanceQuery().count();
		int applications = jdbc.queryForObject("select count(*) from filing_application", Integer.class);

		Response second = api.submit("applicant", FilingApi.body(uscc));

		assertThat(second.status()).as(second.body()).isEqualTo(409);
		assertThat(second.contentType()).startsWith("application/problem+json");
		assertThat(second.json().path("detail").asText()).contains(uscc).contains("in progress");
		assertThat(second.json().path("messageZh").asText()).contains("正在办理");
		assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(jdbc.queryForObject("select count(*) from filing_application", Integer.class)).isEqualTo(applications);
	}

	@Test
	void markupInANameIsStoredVerbatimAndReturnedEscaped() {
		String name = "<script>alert('x')</script>某大学";
		Map<String, Object> body = FilingApi.body(FilingFixtures.newUscc());
		body.put(ORG_NAME, name);

		Response response = api.submit("applicant", body);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String applicationNo = response.json().path("applicationNo").asText();
		assertThat(runtime.getVariable(instance(applicationNo).getId(), ORG_NAME)).isEqualTo(name);
		Response status = api.get("cnipa", "/api/filings/" + applicationNo);
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.contentType()).startsWith("application/json");
		assertThat(status.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(status.body()).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
		assertThat(status.json().path("orgName").asText()).isEqualTo(name);
	}

	@Test
	void Art7_objectionDuringPublicityOpensAVerificationTask() {
		String applicationNo = submitted("applicant");
		String pi = instance(applicationNo).getId();
		runJobs(pi);
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案，进行公示", CNIPA_HEAD, "刘司长"));
		JsonNode inPublicity = api.get("applicant", "/api/filings/" + applicationNo).json();
		assertThat(inPublicity.path("currentSteps").get(0).path("key").asText()).isEqualTo("publicity");
		assertThat(inPublicity.path("currentSteps").get(0).path("starts").asText()).isEqualTo("2026-03-03");
		assertThat(inPublicity.path("deadlines").path("publicityEnds").asText()).isEqualTo("2026-03-09");

		Response objection = api.postJson(null, "/api/filings/" + applicationNo + "/objections",
				Map.of(OBJECTION, "该机构专职人员数量不实", OBJECTOR_CONTACT, "13800000000"));

		assertThat(objection.status()).as(objection.body()).isEqualTo(202);
		Task handle = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").singleResult();
		assertThat(handle).isNotNull();
		assertThat(tasks.getVariable(handle.getId(), OBJECTION)).isEqualTo("该机构专职人员数量不实");
		// Anyone may object, also a logged-in user without any process rights.
		assertThat(api.postJson("applicant2", "/api/filings/" + applicationNo + "/objections",
				Map.of(OBJECTION, "第二项异议", OBJECTOR_CONTACT, "someone@example.com")).status()).isEqualTo(202);
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").count())
			.isEqualTo(2);

		tasks.complete(handle.getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查，异议不成立", CNIPA_HEAD, "刘司长"));
		JsonNode status = api.get("shanghai", "/api/filings/" + applicationNo).json();
		assertThat(status.path("opinions").path("recommenderOpinion").asText()).isEqualTo("同意推荐");
		assertThat(status.path("opinions").path("cnipaOpinion").asText()).isEqualTo("准予备案，进行公示");
		assertThat(status.path("opinions").path("objectionFindings").get(0).path("finding").asText())
			.isEqualTo("经核查，异议不成立");
		assertThat(status.path("opinions").path("objectionFindings").get(0).path("upheld").asBoolean()).isFalse();
	}

	@Test
	void Art7_objectionsNeedAContactAndEndWithThePeriodThenTheFilingProceeds() {
		String applicationNo = submitted("applicant");
		String pi = instance(applicationNo).getId();
		runJobs(pi);
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案，进行公示", CNIPA_HEAD, "刘司长"));
		String path = "/api/filings/" + applicationNo + "/objections";

		for (Map<String, Object> noContact : List.<Map<String, Object>>of(Map.of(OBJECTION, "匿名异议"),
				Map.of(OBJECTION, "匿名异议", OBJECTOR_CONTACT, "   "),
				Map.of(OBJECTION, "异议", OBJECTOR_CONTACT, "1".repeat(201)))) {
			Response refused = api.postJson(null, path, noContact);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			JsonNode error = refused.json().path("errors").get(0);
			assertThat(error.path("field").asText()).isEqualTo(OBJECTOR_CONTACT);
			assertThat(error.path("rule").asText()).isIn("required", "maxLength");
			assertThat(error.path("messageZh").asText()).contains("异议人联系方式");
		}
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").count()).isZero();

		ClockUtil.setCurrentTime(date("2026-03-09T20:00:00+08:00"));
		assertThat(api.postJson(null, path, Map.of(OBJECTION, "最后一天的异议", OBJECTOR_CONTACT, "13800000000"))
			.status()).as("the last day of publicity still counts").isEqualTo(202);

		ClockUtil.setCurrentTime(date("2026-03-10T00:00:01+08:00"));
		runJobs(pi);
		Response late = api.postJson(null, path, Map.of(OBJECTION, "期满后的异议", OBJECTOR_CONTACT, "13900000000"));
		assertThat(late.status()).as("no new objection once the period is over, while one is still verified")
			.isEqualTo(409);
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").count())
			.isEqualTo(1);

		complete(pi, "handleObjection", Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查，异议不成立", CNIPA_HEAD, "刘司长"));
		assertThat(api.get("auditor", "/api/filings/" + applicationNo).json().path("status").asText())
			.isEqualTo("FILED");
	}

	@Test
	void Art7_objectionOutsidePublicityIsRefusedWithAReason() {
		String applicationNo = submitted("applicant");

		Response objection = api.postJson(null, "/api/filings/" + applicationNo + "/objections",
				Map.of(OBJECTION, "异议", OBJECTOR_CONTACT, "13800000000"));

		assertThat(objection.status()).as(objection.body()).isEqualTo(409);
		assertThat(objection.json().path("detail").asText()).contains("not in publicity");
		assertThat(objection.json().path("messageZh").asText()).contains("公示期");
		assertThat(api.postJson(null, "/api/filings/SQ-1999-000001/objections",
				Map.of(OBJECTION, "异议", OBJECTOR_CONTACT, "13800000000")).status()).isEqualTo(404);
	}

	@Test
	void Art8_filedApplicationShowsItsFilingNumberAndValidity() {
		String applicationNo = submitted("applicant");
		String pi = instance(applicationNo).getId();
		runJobs(pi);
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案", CNIPA_HEAD, "刘司长"));
		ClockUtil.setCurrentTime(date("2026-03-10T00:00:01+08:00"));
		runJobs(pi);

		JsonNode status = api.get("auditor", "/api/filings/" + applicationNo).json();

		assertThat(status.path("status").asText()).isEqualTo("FILED");
		assertThat(status.path("statusLabel").asText()).isEqualTo("予以备案");
		assertThat(status.path("filingNo").asText()).startsWith("WD-2026-");
		assertThat(status.path("validUntil").asText()).isEqualTo("2029-03-09");
		assertThat(status.path("currentSteps")).isEmpty();
	}

	@Test
	void Art5_ineligibleApplicationShowsItsReasonsInChinese() {
		Map<String, Object> body = FilingApi.body(FilingFixtures.newUscc());
		body.put(STAFF_FULL_TIME, 2);
		body.put(STAFF_PART_TIME, 10);
		Response response = api.submit("applicant", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String applicationNo = response.json().path("applicationNo").asText();
		runJobs(instance(applicationNo).getId());

		JsonNode status = api.get("applicant", "/api/filings/" + applicationNo).json();

		assertThat(status.path("status").asText()).isEqualTo("INELIGIBLE");
		assertThat(status.path("statusLabel").asText()).isEqualTo("不符合备案条件");
		assertThat(status.path("ineligibilityReasons").get(0).path("code").asText())
			.isEqualTo("INSUFFICIENT_FULL_TIME_STAFF");
		assertThat(status.path("ineligibilityReasons").get(0).path("label").asText()).isEqualTo("专职人员少于5名");
	}

	@Test
	void statusIsVisibleOnlyToApplicantRecommenderCnipaAndAuditors() {
		String applicationNo = submitted("applicant");
		String path = "/api/filings/" + applicationNo;

		for (String allowed : List.of("applicant", "shanghai", "cnipa", "auditor")) {
			assertThat(api.get(allowed, path).status()).as(allowed).isEqualTo(200);
		}
		for (String other : List.of("applicant2", "beijing", "mct", "admin")) {
			Response refused = api.get(other, path);
			assertThat(refused.status()).as(other).isEqualTo(404);
			assertThat(refused.body()).doesNotContain("上海市某高校图书馆");
		}
		assertThat(api.get(null, path).status()).isEqualTo(401);
		assertThat(api.get("cnipa", "/api/filings/SQ-1999-000001").status()).isEqualTo(404);
	}

	@Test
	void onlyOutletInstitutionsSubmit() {
		for (String user : List.of("cnipa", "shanghai", "auditor", "admin")) {
			Response refused = api.submit(user, FilingApi.body(FilingFixtures.newUscc()));
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(api.submit(null, FilingApi.body(FilingFixtures.newUscc())).status()).isEqualTo(401);
	}

	@Test
	void bodiesOver16MegabytesAreRefusedBeforeTheyAreRead() throws Exception {
		// Content-Length announces 17 MB and no byte follows: the answer comes without reading the body.
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST /api/filings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Authorization: " + ApiClient.basic("applicant", "applicant") + "\r\n"
						+ "Content-Length: " + (17L * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			assertThat(statusLine).startsWith("HTTP/1.1 413");
		}
	}

	@Test
	void streamedBodiesOver16MegabytesAreCutOff() {
		long instances = history.createHistoricProcessInstanceQuery().count();
		byte[] prefix = "{\"orgName\": \"".getBytes(StandardCharsets.US_ASCII);
		long length = 17L * 1024 * 1024;
		// No Content-Length (chunked): the limit is enforced while the body streams in.
		InputStream endless = new InputStream() {
			long sent;

			@Override
			public int read() {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0];
			}

			@Override
			public int read(byte[] buffer, int offset, int count) {
				if (sent >= length) {
					return -1;
				}
				int n = (int) Math.min(count, length - sent);
				for (int i = 0; i < n; i++, sent++) {
					buffer[offset + i] = sent < prefix.length ? prefix[(int) sent] : (byte) 'a';
				}
				return n;
			}
		};

		Response response = api.client()
			.send(api.client()
				.request("/api/filings")
				.header("Authorization", ApiClient.basic("applicant", "applicant"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)));

		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
	}

	@Test
	void endpointsAreDocumentedInOpenApi() {
		JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");

		JsonNode submit = paths.path("/api/filings").path("post");
		assertThat(submit.path("summary").asText()).contains("提交备案申请").contains("Submit");
		assertThat(submit.path("requestBody").path("content").has("application/json")).as(submit.toString()).isTrue();
		assertThat(submit.path("requestBody").path("content").has("multipart/form-data")).isTrue();
		assertThat(submit.path("responses").has("409")).isTrue();
		assertThat(paths.path("/api/filings/{applicationNo}").path("get").path("summary").asText()).contains("办理情况");
		JsonNode objection = paths.path("/api/filings/{applicationNo}/objections").path("post");
		assertThat(objection.has("security")).isTrue();
		assertThat(objection.path("security")).isEmpty();
		for (String action : List.of("change-reports", "renewal", "annual-summaries", "rectification-reports",
				"rectification-orders", "misconduct", "designations")) {
			assertThat(paths.path("/api/outlets/{filingNo}/" + action).path("post").path("summary").asText()).as(action)
				.isNotBlank();
		}
	}

	// --- helpers ---

	private String submitted(String user) {
		Response response = api.submit(user, FilingApi.body(FilingFixtures.newUscc()));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("applicationNo").asText();
	}

	private ProcessInstance instance(String applicationNo) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(OUTLET_FILING)
			.processInstanceBusinessKey(applicationNo)
			.singleResult();
	}

	private List<String> openTaskKeys(String pi) {
		return tasks.createTaskQuery().processInstanceId(pi).list().stream().map(Task::getTaskDefinitionKey).toList();
	}

	private void complete(String pi, String taskKey, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).singleResult();
		assertThat(task).as(taskKey).isNotNull();
		tasks.complete(task.getId(), variables);
		runJobs(pi);
	}

	private void runJobs(String pi) {
		Jobs.runDue(management, pi);
	}

	private static long sizeOf(FileValue file) {
		try (var in = file.getValue()) {
			return in.readAllBytes().length;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Date date(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

}
