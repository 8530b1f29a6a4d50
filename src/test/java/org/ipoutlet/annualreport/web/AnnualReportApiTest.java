package org.ipoutlet.annualreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.annualreport.AnnualReports;
import org.ipoutlet.annualreport.AnnualSummaries;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The national overview (Art. 17) over HTTP: JSON, CSV (UTF-8 with BOM) and the page, for CNIPA and
 * auditors only; the provincial office's read-only territory views (Art. 4, 15) for the office of the
 * province, the outlet's recommender, CNIPA and auditors only. Shanghai has three outlets in the 2111
 * summary year: its own (compliant), one MCT recommended (compliant) and one MOE recommended (missing);
 * Shanghai's office has sent its aggregate, CNIPA has not yet acknowledged it.
 */
@WebTest
class AnnualReportApiTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final int REPORT_YEAR = 2112;

	@LocalServerPort
	int port;

	@Autowired
	OutletRepository outlets;

	@Autowired
	AnnualSummaries summaries;

	@Autowired
	AnnualReports reports;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	ApiClient client;

	/** Filing numbers of the fixture, created once per context. */
	static final Map<Integer, List<String>> FIXTURE = new HashMap<>();
	static final Map<Integer, String> LIFECYCLE = new HashMap<>();

	String own;
	String industry;
	String missing;

	@BeforeEach
	void fixture() {
		client = new ApiClient(port);
		List<String> nos = FIXTURE.computeIfAbsent(port, p -> create());
		own = nos.get(0);
		industry = nos.get(1);
		missing = nos.get(2);
	}

	private List<String> create() {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2111, 3, 1).atTime(10, 0).atZone(SHANGHAI).toInstant()));
		try {
			String a = outlet("310000", "上海市属网点");
			String b = outlet("mct", "文旅部推荐的上海网点");
			String c = outlet("moe", "教育部推荐的上海网点");
			LIFECYCLE.put(port, lifecycle(b, "mct"));
			ClockUtil.setCurrentTime(Date.from(LocalDate.of(2112, 1, 20).atTime(10, 0).atZone(SHANGHAI).toInstant()));
			Instant at = ClockUtil.getCurrentTime().toInstant();
			summaries.submitted(a, 2111, "310000", "总结", "u-a", at);
			summaries.reviewed(a, 2111, true, "符合", at);
			summaries.submitted(b, 2111, "mct", "总结", "u-b", at);
			summaries.reviewed(b, 2111, true, "符合", at);
			summaries.missing(c, 2111, "moe");
			ClockUtil.setCurrentTime(Date.from(LocalDate.of(2112, 2, 1).atTime(9, 0).atZone(SHANGHAI).toInstant()));
			ProcessInstance report = reports.start(REPORT_YEAR);
			Task shanghai = tasks.createTaskQuery()
				.processInstanceId(report.getId())
				.taskCandidateGroup("recommender-310000")
				.singleResult();
			identity.setAuthentication("shanghai", List.of("recommender-310000"));
			try {
				tasks.complete(shanghai.getId(), Map.of("aggregateRemarks", "上海：3家网点，1家逾期未报送。"));
			}
			finally {
				identity.clearAuthentication();
			}
			Jobs.runDue(management, report.getId());
			return List.of(a, b, c);
		}
		finally {
			ClockUtil.reset();
		}
	}

	@Test
	void overviewJson_showsTheProvincesOwnAndTheIndustryDepartmentsOutletAndTheMissingOne() {
		Response r = client.get("/api/annual-reports/" + REPORT_YEAR + "/overview", "cnipa", "cnipa");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		assertThat(r.contentType()).startsWith("application/json");
		JsonNode json = r.json();
		assertThat(json.path("reportYear").asInt()).isEqualTo(REPORT_YEAR);
		assertThat(json.path("summaryYear").asInt()).isEqualTo(2111);
		JsonNode sh = province(json, "310000");
		assertThat(sh.path("officeName").asText()).isEqualTo("上海市知识产权局");
		assertThat(sh.path("aggregateState").asText()).isEqualTo("SUBMITTED");
		assertThat(sh.path("aggregateStateLabel").asText()).isEqualTo("已报送，待确认");
		assertThat(sh.path("submittedBy").asText()).isEqualTo("shanghai");
		assertThat(sh.path("remarks").asText()).isEqualTo("上海：3家网点，1家逾期未报送。");
		assertThat(sh.path("outletCount").asInt()).isEqualTo(3);
		JsonNode figures = sh.path("figures");
		assertThat(figures.path("submitted").path("count").asInt()).isEqualTo(2);
		assertThat(filingNos(figures.path("compliant"))).containsExactlyInAnyOrder(own, industry);
		assertThat(filingNos(figures.path("missing"))).containsExactly(missing);
		assertThat(figures.path("nonCompliant").path("count").asInt()).isZero();
		JsonNode mct = figures.path("compliant").path("outlets").findParents("filingNo").stream()
			.filter(o -> o.path("filingNo").asText().equals(industry))
			.findFirst()
			.orElseThrow();
		assertThat(mct.path("recommenderId").asText()).isEqualTo("mct");
		assertThat(mct.path("recommenderName").asText()).isEqualTo("文化和旅游部");
		assertThat(mct.path("provinceName").asText()).isEqualTo("上海市");
		// No industry department is an aggregating office.
		assertThat(json.path("provinces").findValuesAsText("officeId")).doesNotContain("mct", "moe");
		assertThat(json.path("totals").path("missing").asInt()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void overviewCsv_hasABomAndOneRowPerProvinceWithTheOutletsBehindEachFigure() {
		for (String path : List.of("/api/annual-reports/" + REPORT_YEAR + "/overview.csv",
				"/api/annual-reports/" + REPORT_YEAR + "/overview?format=csv")) {
			Response r = client.get(path, "auditor", "auditor");
			assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
			assertThat(r.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
			assertThat(r.header("Content-Disposition")).startsWith("attachment").contains("annual-report-" + REPORT_YEAR + ".csv");
			byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
			assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
			List<String> lines = List.of(r.body().substring(1).split("\r\n"));
			assertThat(lines.get(0)).startsWith("报告年度,总结年度,省级知识产权局代码,省级知识产权局,汇总状态");
			String shanghai = lines.stream().filter(l -> l.contains(",310000,")).findFirst().orElseThrow();
			assertThat(shanghai).startsWith(REPORT_YEAR + ",2111,310000,上海市知识产权局,已报送，待确认,shanghai,")
				.contains(",3,2,2,0,0,1,")
				.contains(industry + " 文旅部推荐的上海网点（文化和旅游部）")
				.contains(missing + " 教育部推荐的上海网点（教育部）");
		}
	}

	@Test
	void overview_isForCnipaAndAuditorsOnly() {
		String path = "/api/annual-reports/" + REPORT_YEAR + "/overview";
		assertThat(client.get(path).status()).isEqualTo(401);
		for (String user : List.of("shanghai", "mct", "beijing", "applicant", "admin")) {
			Response r = client.get(path, user, user);
			assertThat(r.status()).as(user + ": " + r).isEqualTo(403);
			assertThat(r.body()).doesNotContain(own);
			assertThat(client.get(path + ".csv", user, user).status()).as(user).isEqualTo(403);
		}
		assertThat(client.get(path, "auditor", "auditor").status()).isEqualTo(200);
	}

	@Test
	void overview_refusesABadYearOrFormatNamingTheField() {
		Response year = client.get("/api/annual-reports/20x1/overview", "cnipa", "cnipa");
		assertThat(year.status()).isEqualTo(400);
		assertThat(year.json().path("errors").get(0).path("field").asText()).isEqualTo("year");
		assertThat(year.json().path("errors").get(0).path("rule").asText()).isEqualTo("range");
		assertThat(year.json().path("errors").get(0).path("messageZh").asText()).contains("报告年度");
		Response format = client.get("/api/annual-reports/" + REPORT_YEAR + "/overview?format=xml", "cnipa", "cnipa");
		assertThat(format.status()).isEqualTo(400);
		assertThat(format.json().path("errors").get(0).path("field").asText()).isEqualTo("format");
		assertThat(format.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void overviewPage_inChinese_forCnipaAndAuditors_withTheCsvLink() {
		String path = "/annual-reports/" + REPORT_YEAR;
		Response page = client.get(path, "cnipa", "cnipa");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("2111年度网点工作总结全国汇总")
			.contains("上海市知识产权局")
			.contains("已报送，待确认")
			.contains(industry + " 文旅部推荐的上海网点（推荐部门：文化和旅游部）")
			.contains(missing + " 教育部推荐的上海网点（推荐部门：教育部）")
			.contains("href=\"/annual-reports/" + REPORT_YEAR + ".csv\"");
		assertThat(client.get(path, "auditor", "auditor").status()).isEqualTo(200);
		Response csv = client.get(path + ".csv", "cnipa", "cnipa");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFF报告年度");

		Response anonymous = client.get(path);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(anonymous.body()).contains("请使用").doesNotContain(own);
		Response shanghai = client.get(path, "shanghai", "shanghai");
		assertThat(shanghai.status()).isEqualTo(403);
		assertThat(shanghai.body()).contains("仅供").doesNotContain(own);
		assertThat(client.get("/annual-reports/abc", "cnipa", "cnipa").status()).isEqualTo(400);
	}

	@Test
	void territory_provincialOfficeSeesTheIndustryDepartmentsOutletReadOnly() {
		Response list = client.get("/api/territory/outlets", "shanghai", "shanghai");
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		JsonNode mct = list.json().findParents("filingNo").stream()
			.filter(o -> o.path("filingNo").asText().equals(industry))
			.findFirst()
			.orElseThrow();
		assertThat(mct.path("recommenderId").asText()).isEqualTo("mct");
		assertThat(mct.path("officeId").asText()).isEqualTo("310000");
		assertThat(mct.path("recommendedByOffice").asBoolean()).isFalse();
		assertThat(list.body()).doesNotContain("\"officeId\":\"110000\"");

		Response detail = client.get("/api/territory/outlets/" + industry, "shanghai", "shanghai");
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		JsonNode d = detail.json();
		assertThat(d.path("outlet").path("orgName").asText()).isEqualTo("文旅部推荐的上海网点");
		assertThat(d.path("annualSummaries").get(0).path("year").asInt()).isEqualTo(2111);
		assertThat(d.path("annualSummaries").get(0).path("status").asText()).isEqualTo("COMPLIANT");
		assertThat(d.path("rectification").path("rectifying").asBoolean()).isFalse();
		assertThat(d.path("history").findValuesAsText("activityType")).isNotNull();
		assertThat(d.path("history")).isNotEmpty();

		// Others: 404 for the outlet, 403 for the territory list of a non-office.
		assertThat(client.get("/api/territory/outlets/" + industry, "beijing", "beijing").status()).isEqualTo(404);
		assertThat(client.get("/api/territory/outlets/" + industry, "applicant2", "applicant2").status()).isEqualTo(404);
		assertThat(client.get("/api/territory/outlets/" + industry, "mct", "mct").status()).isEqualTo(200);
		assertThat(client.get("/api/territory/outlets/" + industry, "cnipa", "cnipa").status()).isEqualTo(200);
		assertThat(client.get("/api/territory/outlets", "mct", "mct").status()).isEqualTo(403);
		assertThat(client.get("/api/territory/outlets").status()).isEqualTo(401);
		Response beijing = client.get("/api/territory/outlets", "beijing", "beijing");
		assertThat(beijing.status()).isEqualTo(200);
		assertThat(beijing.body()).doesNotContain(industry);
	}

	@Test
	void territory_theEngineLetsTheOfficeReadTheLifecycleHistoryButNotItsTasks() {
		String pi = LIFECYCLE.get(port);
		String history = "/engine-rest/history/process-instance?processInstanceId=" + pi;
		Response shanghai = client.get(history, "shanghai", "shanghai");
		assertThat(shanghai.status()).isEqualTo(200);
		assertThat(shanghai.json()).hasSize(1);
		Response beijing = client.get(history, "beijing", "beijing");
		assertThat(beijing.status()).isEqualTo(200);
		assertThat(beijing.json()).isEmpty();
		Response variables = client.get("/engine-rest/history/variable-instance?processInstanceId=" + pi, "shanghai",
				"shanghai");
		assertThat(variables.body()).contains(industry);
		// No task of the lifecycle is visible to the office (it decides nothing MCT decides).
		Response tasks = client.get("/engine-rest/task?processInstanceId=" + pi, "shanghai", "shanghai");
		assertThat(tasks.status()).isEqualTo(200);
		assertThat(tasks.json()).isEmpty();
	}

	private static JsonNode province(JsonNode json, String officeId) {
		for (JsonNode p : json.path("provinces")) {
			if (p.path("officeId").asText().equals(officeId)) {
				return p;
			}
		}
		throw new AssertionError("no province " + officeId + " in " + json);
	}

	private static List<String> filingNos(JsonNode figure) {
		List<String> nos = new ArrayList<>();
		figure.path("outlets").forEach(o -> nos.add(o.path("filingNo").asText()));
		assertThat(figure.path("count").asInt()).isEqualTo(nos.size());
		return nos;
	}

	private String outlet(String recommenderId, String name) {
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "AO-" + unique.substring(0, 10);
		OutletDetails details = new OutletDetails(name, "UNIVERSITY", null, "310000", "上海市某路1号", null, null, "负责人",
				"联系人", "021-1", "a@example.org", null, List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, "91" + unique.substring(0, 16), details, recommenderId,
				"u-" + filingNo, LocalDate.of(2111, 3, 1), LocalDate.of(2114, 2, 28), ClockUtil.getCurrentTime().toInstant()));
		return filingNo;
	}

	private String lifecycle(String filingNo, String recommenderId) {
		Outlet o = outlets.get(filingNo);
		Map<String, Object> vars = new HashMap<>();
		vars.put("filingNo", filingNo);
		vars.put("applicationNo", o.applicationNo());
		vars.put("uscc", o.uscc());
		vars.put("orgName", o.details().orgName());
		vars.put("recommenderId", recommenderId);
		vars.put("province", "310000");
		vars.put("outletUser", o.outletUser());
		vars.put("validFrom", o.validFrom().toString());
		vars.put("validUntil", o.validUntil().toString());
		return runtime.startProcessInstanceByKey(ProcessKeys.OUTLET_LIFECYCLE, filingNo, vars).getId();
	}

}
