package org.ipoutlet.document.web;

import org.ipoutlet.ProcessKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipoutlet.filing.FilingVariables.*;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.Jobs;
import org.ipoutlet.document.TestDocuments;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.ipoutlet.web.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 备案表 document and the filing's documents over HTTP (Art. 6; 填表说明 六): the printable PDF, the
 * uploads and their checks on every route, who may open what, no recommendation without both
 * documents, and the final 备案表 archived after CNIPA's decision.
 */
@WebTest
class DocumentsApiTest {

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		identity.clearAuthentication();
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
	}

	@Test
	void Art6_theDocumentsOfAStartAreListedAndDownloadedAsAttachmentsByWhoMaySeeTheFiling() throws Exception {
		ProcessInstance pi = start(FilingFixtures.application(FilingFixtures.newUscc()));
		String no = pi.getBusinessKey();

		JsonNode list = json(get("shanghai", "/api/filings/" + no + "/documents"));
		assertThat(list.path("missing")).isEmpty();
		assertThat(list.path("documents")).hasSize(2);
		assertThat(list.path("documents").findValuesAsText("field")).containsExactlyInAnyOrder("workRules", "sealedForm");
		assertThat(list.path("documents").findValuesAsText("route")).containsOnly("START");
		JsonNode sealed = find(list, "sealedForm");
		assertThat(sealed.path("current").asBoolean()).isTrue();
		assertThat(sealed.path("fileName").asText()).isEqualTo("备案表-盖章.pdf");

		for (String user : List.of("applicant", "shanghai", "cnipa", "auditor")) {
			HttpResponse<byte[]> download = get(user, sealed.path("href").asText());
			assertThat(download.statusCode()).as(user).isEqualTo(200);
			assertThat(download.body()).isEqualTo(TestDocuments.PDF);
			assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
			assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
				.contains("filename*=UTF-8''%E5%A4%87%E6%A1%88%E8%A1%A8");
			assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
		for (String user : List.of("applicant2", "beijing", "mct")) {
			assertThat(get(user, "/api/filings/" + no + "/documents").statusCode()).as(user).isEqualTo(404);
			assertThat(get(user, sealed.path("href").asText()).statusCode()).as(user).isEqualTo(404);
			assertThat(get(user, "/api/filings/" + no + "/form.pdf").statusCode()).as(user).isEqualTo(404);
		}
		assertThat(get(null, "/api/filings/" + no + "/documents").statusCode()).isEqualTo(401);
	}

	@Test
	void theFilledFormDownloadsAsAPdfWithTheApplicationNumberOnItsCover() throws Exception {
		ProcessInstance pi = start(FilingFixtures.application(FilingFixtures.newUscc()));
		HttpResponse<byte[]> pdf = get("applicant", "/api/filings/" + pi.getBusinessKey() + "/form.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		try (PDDocument doc = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("编号：" + pi.getBusinessKey(), "备案机构：上海市某高校图书馆（盖章）", "推荐部门：上海市知识产权局（盖章）",
					"填报日期：2026年3月2日", "王五", "新能源汽车产业专利导航", "经办人：张申请负责人：张三", "□准予备案□不予备案");
		}
	}

	@Test
	void Art6_uploadsAreCheckedByContentNameAndSizeAndARefusedOneStoresNothing() throws Exception {
		ProcessInstance pi = startWithout(WORK_RULES, SEALED_FORM);
		String no = pi.getBusinessKey();

		assertRefused(upload("applicant", no, "sealedForm", "备案表.pdf", TestDocuments.HTML), "sealedForm", "fileContent");
		assertRefused(upload("applicant", no, "sealedForm", "备案表.pdf", TestDocuments.EXE), "sealedForm", "fileContent");
		assertRefused(upload("applicant", no, "sealedForm", "备案表.pdf", TestDocuments.pdfOfSize(25 * 1024 * 1024)),
				"sealedForm", "fileSize");
		assertRefused(upload("applicant", no, "sealedForm", "../../备案表.pdf", TestDocuments.PDF), "sealedForm", "fileName");
		assertRefused(upload("applicant", no, "workRules", "制度.pdf", TestDocuments.PNG), "workRules", "fileContent");
		assertThat(stored(no)).isZero();
		assertThat(upload("applicant2", no, "sealedForm", "备案表.pdf", TestDocuments.PDF).statusCode()).isEqualTo(404);
		assertThat(upload("shanghai", no, "sealedForm", "备案表.pdf", TestDocuments.PDF).statusCode()).isEqualTo(404);
		assertThat(stored(no)).isZero();

		HttpResponse<byte[]> scan = upload("applicant", no, "sealedForm", "备案表（盖章）.png", TestDocuments.PNG);
		assertThat(scan.statusCode()).as(new String(scan.body(), StandardCharsets.UTF_8)).isEqualTo(201);
		assertThat(json(scan).path("mediaType").asText()).isEqualTo("image/png");
		HttpResponse<byte[]> rules = upload("applicant", no, "workRules", "工作制度.docx", TestDocuments.DOCX);
		assertThat(rules.statusCode()).isEqualTo(201);
		JsonNode list = json(get("cnipa", "/api/filings/" + no + "/documents"));
		assertThat(list.path("missing")).isEmpty();
		assertThat(list.path("documents").findValuesAsText("route")).containsOnly("API");
		HttpResponse<byte[]> download = get("shanghai", find(list, "workRules").path("href").asText());
		assertThat(download.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(download.body()).isEqualTo(TestDocuments.DOCX);
	}

	@Test
	void Art6_theSameChecksHoldForDocumentsSentWithTheStartThroughTheApiAndTheEngine() throws Exception {
		String uscc = FilingFixtures.newUscc();
		Map<String, Object> body = FilingFixtures.application(uscc);
		body.replaceAll((k, v) -> org.ipoutlet.validation.JsonValues.toJava(v));
		body.remove(APPLICANT);
		body.put(WORK_RULES, Map.of("filename", "rules.pdf", "contentBase64", base64(TestDocuments.PDF)));
		body.put(SEALED_FORM, Map.of("filename", "备案表.pdf", "contentBase64", base64(TestDocuments.HTML)));
		HttpResponse<byte[]> api = post("applicant", "/api/filings", "application/json", JSON.writeValueAsBytes(body));
		assertRefused(api, "sealedForm", "fileContent");

		Map<String, Object> variables = new java.util.LinkedHashMap<>();
		for (var entry : FilingFixtures.application(uscc).entrySet()) {
			String k = entry.getKey();
			if (!k.equals(APPLICANT) && !k.equals(WORK_RULES) && !k.equals(SEALED_FORM)) {
				Object value = org.ipoutlet.validation.JsonValues.toJava(entry.getValue());
				String type = value instanceof List<?> ? "Json" : value instanceof Integer ? "Integer"
						: value instanceof Boolean ? "Boolean" : "String";
				variables.put(k, Map.of("type", type, "value", value instanceof List<?> ? JSON.writeValueAsString(value) : value));
			}
		}
		variables.put(WORK_RULES, TestDocuments.restFile(TestDocuments.file("rules.pdf", TestDocuments.EXE)));
		variables.put(SEALED_FORM, TestDocuments.restFile(TestDocuments.file("备案表.pdf", TestDocuments.PDF)));
		HttpResponse<byte[]> engine = post("applicant", "/engine-rest/process-definition/key/outlet-filing/submit-form",
				"application/json", JSON.writeValueAsBytes(Map.of("variables", variables)));
		assertThat(engine.statusCode()).as(new String(engine.body(), StandardCharsets.UTF_8)).isEqualTo(400);
		assertThat(json(engine).path("errors").findValuesAsText("field")).contains("workRules");
		assertThat(json(engine).path("errors").findValuesAsText("rule")).contains("fileContent");
		assertThat(runtime.createProcessInstanceQuery().variableValueEquals(USCC, uscc).count()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from filing_document d join filing_application a "
				+ "on a.application_no = d.application_no where a.uscc = ?", Integer.class, uscc)).isZero();
	}

	@Test
	void Art6_preliminaryReviewCannotRecommendWithoutTheSealedFormAndTheTaskStaysOpen() throws Exception {
		ProcessInstance pi = startWithout(SEALED_FORM);
		// The application waits for the scan in attachDocuments (WithoutBothDocumentsTest); should an
		// administrator move it on to the recommender anyway, RECOMMEND is still refused.
		runtime.createProcessInstanceModification(pi.getId())
			.cancelAllForActivity("attachDocuments")
			.startBeforeActivity("preliminaryReview")
			.execute();
		Task review = task(pi, "preliminaryReview");
		identity.setAuthentication("shanghai", List.of("recommender-310000"));
		try {
			assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of(RECOMMENDATION, "RECOMMEND",
					RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "王局长")))
				.satisfies(thrown -> {
					// The engine wraps a task listener's refusal; REST and Tasklist unwrap it the same way.
					SubmissionRejectedException e = SubmissionRejectedException.in(thrown).orElseThrow();
					assertThat(e.errors()).extracting(err -> err.field() + ":" + err.rule())
						.containsExactly("sealedForm:required");
					assertThat(e.errors().get(0).messageZh()).contains("不能推荐", "盖章备案表扫描件");
				});
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(task(pi, "preliminaryReview")).as("still open").isNotNull();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).activityIdIn("cnipaReview").count())
			.isZero();

		assertThat(upload("applicant", pi.getBusinessKey(), "sealedForm", "scan.jpg", TestDocuments.JPEG).statusCode())
			.isEqualTo(201);
		tasks.complete(review.getId(), Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐",
				RECOMMENDER_HEAD, "王局长"));
		Jobs.runDue(management, pi.getId());
		assertThat(task(pi, "cnipaReview")).isNotNull();
		assertThat(upload("applicant", pi.getBusinessKey(), "sealedForm", "scan2.jpg", TestDocuments.JPEG).statusCode())
			.as("recommended: the reviewed documents stay").isEqualTo(409);
	}

	@Test
	void aReturnedApplicationTakesANewScanAndTheNewestIsInForce() throws Exception {
		ProcessInstance pi = start(FilingFixtures.application(FilingFixtures.newUscc()));
		tasks.complete(task(pi, "preliminaryReview").getId(),
				Map.of(RECOMMENDATION, "RETURN", RECOMMENDER_OPINION, "盖章不清晰，请重新扫描上传", RECOMMENDER_HEAD, "王局长"));
		Jobs.runDue(management, pi.getId());
		Task supplement = task(pi, "supplementMaterials");
		Map<String, Object> corrected = FilingFixtures.application(uscc(pi));
		corrected.remove(APPLICANT);
		corrected.put(SEALED_FORM, TestDocuments.file("备案表-重新扫描.png", TestDocuments.PNG));
		identity.setAuthentication("applicant", List.of("outlets"));
		try {
			tasks.complete(supplement.getId(), corrected);
		}
		finally {
			identity.clearAuthentication();
		}
		JsonNode list = json(get("shanghai", "/api/filings/" + pi.getBusinessKey() + "/documents"));
		assertThat(list.path("documents")).hasSize(3);
		JsonNode current = find(list, "sealedForm");
		assertThat(current.path("fileName").asText()).isEqualTo("备案表-重新扫描.png");
		assertThat(current.path("route").asText()).isEqualTo("SUPPLEMENT");
	}

	@Test
	void theFinalFormIsArchivedWhenCnipasDecisionClosesTheApplication() throws Exception {
		ProcessInstance pi = start(FilingFixtures.application(FilingFixtures.newUscc()));
		tasks.complete(task(pi, "preliminaryReview").getId(), Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION,
				"资源充足，同意推荐", RECOMMENDER_HEAD, "王局长"));
		Jobs.runDue(management, pi.getId());
		assertThat(stored(pi.getBusinessKey(), "FINAL_FORM")).isZero();
		tasks.complete(task(pi, "cnipaReview").getId(), Map.of(FILING_DECISION, "REJECT", CNIPA_OPINION, "典型案例不足，不予备案",
				CNIPA_HEAD, "赵司长"));
		Jobs.runDue(management, pi.getId());
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();

		JsonNode list = json(get("auditor", "/api/filings/" + pi.getBusinessKey() + "/documents"));
		JsonNode archived = find(list, "finalForm");
		assertThat(archived.path("route").asText()).isEqualTo("ARCHIVE");
		HttpResponse<byte[]> pdf = get("auditor", archived.path("href").asText());
		try (PDDocument doc = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("资源充足，同意推荐", "□准予备案■不予备案", "典型案例不足，不予备案");
		}
	}

	// --- helpers ---

	private String uscc(ProcessInstance pi) {
		return (String) runtime.getVariable(pi.getId(), USCC);
	}

	private ProcessInstance startWithout(String... documents) {
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		for (String d : documents) {
			application.remove(d);
		}
		return start(application);
	}

	private ProcessInstance start(Map<String, Object> application) {
		application.remove(APPLICANT);
		identity.setAuthentication("applicant", List.of("outlets"));
		ProcessInstance pi;
		try {
			pi = runtime.startProcessInstanceByKey(ProcessKeys.OUTLET_FILING, application);
		}
		finally {
			identity.clearAuthentication();
		}
		Jobs.runDue(management, pi.getId());
		// Art. 6: only with both documents does the application reach the recommender; else the applicant's step.
		boolean both = application.containsKey(WORK_RULES) && application.containsKey(SEALED_FORM);
		assertThat(task(pi, both ? "preliminaryReview" : "attachDocuments")).as("setup: eligible").isNotNull();
		return pi;
	}

	private Task task(ProcessInstance pi, String key) {
		return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
	}

	private int stored(String applicationNo) {
		return jdbc.queryForObject("select count(*) from filing_document where application_no = ?", Integer.class,
				applicationNo);
	}

	private int stored(String applicationNo, String kind) {
		return jdbc.queryForObject("select count(*) from filing_document where application_no = ? and kind = ?",
				Integer.class, applicationNo, kind);
	}

	private static JsonNode find(JsonNode list, String field) {
		for (JsonNode d : list.path("documents")) {
			if (d.path("field").asText().equals(field) && d.path("current").asBoolean()) {
				return d;
			}
		}
		throw new AssertionError("no current " + field + " in " + list);
	}

	private static void assertRefused(HttpResponse<byte[]> response, String field, String rule) throws IOException {
		String body = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(response.statusCode()).as(body).isEqualTo(400);
		JsonNode errors = JSON.readTree(body).path("errors");
		assertThat(errors.findValuesAsText("field")).as(body).contains(field);
		assertThat(errors.findValuesAsText("rule")).as(body).contains(rule);
		assertThat(errors.findValuesAsText("messageZh")).as(body).isNotEmpty();
		assertThat(body).doesNotContain("Exception", "at org.");
	}

	private HttpResponse<byte[]> upload(String user, String no, String field, String name, byte[] content)
			throws IOException, InterruptedException {
		return post(user, "/api/filings/" + no + "/documents/" + field + "?fileName="
				+ URLEncoder.encode(name, StandardCharsets.UTF_8), "application/octet-stream", content);
	}

	private HttpResponse<byte[]> post(String user, String path, String type, byte[] body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (user != null) {
			request.header("Authorization", ApiClient.basic(user, user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<byte[]> get(String user, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (user != null) {
			request.header("Authorization", ApiClient.basic(user, user));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
		return JSON.readTree(response.body());
	}

	private static String base64(byte[] content) {
		return java.util.Base64.getEncoder().encodeToString(content);
	}

}
