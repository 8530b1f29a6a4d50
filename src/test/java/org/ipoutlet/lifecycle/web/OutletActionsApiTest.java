package org.ipoutlet.lifecycle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Actions on a filed outlet through the API: the outlet's own reports (Art. 9, 10, 17) by its
 * outlet user only, CNIPA's orders and findings (Art. 17, 18, 19) by CNIPA only; an unknown outlet
 * is 404 and an action the lifecycle does not await now is 409.
 */
@WebTest
class OutletActionsApiTest {

	/** The demo outlet user who holds the test outlets. */
	static final String OUTLET_USER = "applicant";

	@LocalServerPort
	int port;

	@Autowired
	OutletRepository outlets;

	@Autowired
	org.ipoutlet.institution.BannedInstitutions banned;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		identity.clearAuthentication();
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()));
	}

	// --- roles x endpoints ---

	enum Endpoint {
		CHANGE_REPORT("change-reports", OUTLET_USER, Map.of("address", "上海市徐汇区新路1号")),
		RENEWAL("renewal", OUTLET_USER, Map.of("declarationTruthful", true)),
		ANNUAL_SUMMARY("annual-summaries", OUTLET_USER, Map.of("annualSummary", "年度总结")),
		RECTIFICATION_REPORT("rectification-reports", OUTLET_USER, Map.of("rectificationReport", "整改报告")),
		RECTIFICATION_ORDER("rectification-orders", "cnipa", Map.of("rectificationReason", "年度总结不符合要求")),
		MISCONDUCT("misconduct", "cnipa", Map.of("misconductType", "FALSE_MATERIALS", "facts", "备案材料中的人员名单系伪造",
				"decision", "撤销备案，三年内不得再提交备案申请")),
		DESIGNATION("designations", "cnipa", Map.of("designation", "TISC"));

		final String path;
		final String allowed;
		final Map<String, Object> body;

		Endpoint(String path, String allowed, Map<String, Object> body) {
			this.path = path;
			this.allowed = allowed;
			this.body = body;
		}

		boolean outletUsers() {
			return allowed.equals(OUTLET_USER);
		}
	}

	static Stream<Arguments> forbiddenRoles() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : Endpoint.values()) {
			List<String> forbidden = endpoint.outletUsers() ? List.of("applicant2", "cnipa", "shanghai", "auditor", "admin")
					: List.of(OUTLET_USER, "applicant2", "shanghai", "auditor", "admin");
			for (String user : forbidden) {
				cases.add(Arguments.of(Named.of(endpoint.path, endpoint), user));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1} is forbidden")
	@MethodSource("forbiddenRoles")
	void wrongRoleIsForbiddenAndChangesNothing(Endpoint endpoint, String user) {
		Filed outlet = file();

		Response response = post(user, outlet.filingNo(), endpoint.path, endpoint.body);

		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(outlets.get(outlet.filingNo()).status()).isEqualTo(OutletStatus.FILED);
		assertThat(tasks.createTaskQuery().processInstanceId(outlet.processInstanceId()).count()).isZero();
	}

	static Stream<Named<Endpoint>> endpoints() {
		return Stream.of(Endpoint.values()).map(e -> Named.of(e.path, e));
	}

	@ParameterizedTest(name = "{0}: unknown outlet")
	@MethodSource("endpoints")
	void unknownOutletIsNotFound(Endpoint endpoint) {
		Response response = post(endpoint.allowed, "WD-1999-9999", endpoint.path, endpoint.body);

		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@ParameterizedTest(name = "{0}: anonymous")
	@MethodSource("endpoints")
	void anonymousCallerMustAuthenticate(Endpoint endpoint) {
		Filed outlet = file();

		Response response = api.send(api.request("/api/outlets/" + outlet.filingNo() + "/" + endpoint.path)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(endpoint.body))));

		assertThat(response.status()).isEqualTo(401);
	}

	@ParameterizedTest(name = "{0}: no open task")
	@MethodSource("taskEndpoints")
	void taskActionWithoutOpenTaskIsConflict(Endpoint endpoint) {
		Filed outlet = file();

		Response response = post(OUTLET_USER, outlet.filingNo(), endpoint.path, endpoint.body);

		assertThat(response.status()).as(response.body()).isEqualTo(409);
		assertThat(response.json().path("messageZh").asText()).startsWith("当前没有待办");
		assertThat(response.json().path("detail").asText()).startsWith("No open task");
	}

	static Stream<Named<Endpoint>> taskEndpoints() {
		return Stream.of(Endpoint.RENEWAL, Endpoint.ANNUAL_SUMMARY, Endpoint.RECTIFICATION_REPORT)
			.map(e -> Named.of(e.path, e));
	}

	// --- each action by its allowed role ---

	@Test
	void Art10_outletReportsAChangeForItsRecommenderToReview() {
		Filed outlet = file();

		Response response = post(OUTLET_USER, outlet.filingNo(), "change-reports",
				Map.of("address", "上海市徐汇区新路1号", "phone", "021-64001111"));

		assertThat(response.status()).as(response.body()).isEqualTo(202);
		Task review = task(outlet, "reviewChangeReport");
		assertThat(review).isNotNull();
		assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("recommender-310000").count())
			.isEqualTo(1);

		Response unknown = post(OUTLET_USER, outlet.filingNo(), "change-reports", Map.of("uscc", "91310000000000000X"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(fieldRules(unknown)).contains("uscc:unknown");
		Response bad = post(OUTLET_USER, outlet.filingNo(), "change-reports", Map.of("email", "not-an-address"));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		// The 备案表's own rule for the field travels to the API as it is, with its Chinese message.
		assertThat(fieldRules(bad)).contains("email:email");
		assertThat(bad.body()).contains("格式不正确，应为电子邮箱地址");
	}

	@Test
	void Art17_outletSubmitsItsAnnualSummaryThroughTheOpenTask() {
		Filed outlet = file();
		fireTimer(outlet, "Timer_SummaryOpens");
		Task submit = task(outlet, "submitAnnualSummary");
		assertThat(submit).isNotNull();

		Response empty = post(OUTLET_USER, outlet.filingNo(), "annual-summaries", Map.of("annualSummary", " "));
		assertThat(empty.status()).as(empty.body()).isEqualTo(400);
		assertThat(fieldRules(empty)).contains("annualSummary:required");
		assertThat(task(outlet, "submitAnnualSummary")).isNotNull();

		Response response = post(OUTLET_USER, outlet.filingNo(), "annual-summaries",
				Map.of("annualSummary", "<b>本年度</b>开展咨询、检索、培训服务。"));

		assertThat(response.status()).as(response.body()).isEqualTo(204);
		assertThat(task(outlet, "submitAnnualSummary")).isNull();
		runJobs(outlet);
		assertThat(task(outlet, "reviewAnnualSummary")).isNotNull();
		assertThat(runtime.getVariable(outlet.processInstanceId(), "annualSummary"))
			.isEqualTo("<b>本年度</b>开展咨询、检索、培训服务。");
	}

	@Test
	void Art9_outletAppliesForRenewalThroughTheOpenTask() {
		Filed outlet = file();
		fireTimer(outlet, "Timer_RenewalWindow");
		assertThat(task(outlet, "applyForRenewal")).isNotNull();

		Response undeclared = post(OUTLET_USER, outlet.filingNo(), "renewal", Map.of("declarationTruthful", false));
		assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(400);
		assertThat(fieldRules(undeclared)).extracting(s -> s.substring(0, s.indexOf(':'))).contains("declarationTruthful");
		Response unknown = post(OUTLET_USER, outlet.filingNo(), "renewal", Map.of("validUntil", "2099-12-31"));
		assertThat(fieldRules(unknown)).contains("validUntil:unknown");

		Response response = post(OUTLET_USER, outlet.filingNo(), "renewal",
				Map.of("independentLegalEntity", true, "staffTotal", 15, "staffFullTime", 8, "workFoundation",
						"三年来服务运行良好", "developmentPlan", "扩大中小微企业服务", "declarationTruthful", true));

		assertThat(response.status()).as(response.body()).isEqualTo(204);
		runJobs(outlet);
		assertThat(task(outlet, "applyForRenewal")).isNull();
		assertThat(task(outlet, "reviewRenewal")).isNotNull();
	}

	@Test
	void Art17_cnipaOrdersRectificationAndTheOutletReports() {
		Filed outlet = file();

		Response order = post("cnipa", outlet.filingNo(), "rectification-orders",
				Map.of("rectificationReason", "服务开展不足"));

		assertThat(order.status()).as(order.body()).isEqualTo(202);
		runJobs(outlet);
		assertThat(outlets.get(outlet.filingNo()).status()).isEqualTo(OutletStatus.RECTIFYING);
		Response again = post("cnipa", outlet.filingNo(), "rectification-orders", Map.of("rectificationReason", "再次"));
		assertThat(again.status()).as(again.body()).isEqualTo(409);

		Response report = post(OUTLET_USER, outlet.filingNo(), "rectification-reports",
				Map.of("rectificationReport", "已补充专职人员并开展培训"));

		assertThat(report.status()).as(report.body()).isEqualTo(204);
		runJobs(outlet);
		assertThat(task(outlet, "verifyRectification")).isNotNull();
	}

	@Test
	void Art17_rectificationOrderNeedsAReason() {
		Filed outlet = file();

		Response missing = post("cnipa", outlet.filingNo(), "rectification-orders", Map.of());
		Response wrongType = post("cnipa", outlet.filingNo(), "rectification-orders", Map.of("rectificationReason", 7));

		assertThat(missing.status()).isEqualTo(400);
		assertThat(fieldRules(missing)).contains("rectificationReason:required");
		assertThat(fieldRules(wrongType)).contains("rectificationReason:type");
		assertThat(outlets.get(outlet.filingNo()).status()).isEqualTo(OutletStatus.FILED);
	}

	@Test
	void Art18_cnipaRecordsMisconductAndTheFilingIsRevoked() {
		Filed outlet = file();

		Response bad = post("cnipa", outlet.filingNo(), "misconduct", Map.of("misconductType", "LATE"));
		assertThat(bad.status()).isEqualTo(400);
		// Every rule at once: the type, and the facts and decision every finding must keep.
		assertThat(fieldRules(bad)).contains("misconductType:invalid", "facts:required", "decision:required");
		assertThat(outlets.get(outlet.filingNo()).status()).isEqualTo(OutletStatus.FILED);

		Response response = post("cnipa", outlet.filingNo(), "misconduct", Map.of("misconductType", "FALSE_MATERIALS",
				"facts", "备案材料中的人员名单系伪造", "decision", "撤销备案，三年内不得再提交备案申请"));

		assertThat(response.status()).as(response.body()).isEqualTo(202);
		assertThat(response.body()).contains("bannedUntil");
		runJobs(outlet);
		assertThat(outlets.get(outlet.filingNo()).status()).isEqualTo(OutletStatus.REVOKED);
		assertThat(banned.of(outlets.get(outlet.filingNo()).uscc())).singleElement().satisfies(ban -> {
			assertThat(ban.facts()).isEqualTo("备案材料中的人员名单系伪造");
			assertThat(ban.decision()).isEqualTo("撤销备案，三年内不得再提交备案申请");
			assertThat(ban.decidedBy()).isEqualTo("cnipa");
			assertThat(ban.decidedAt()).isNotNull();
		});
		Response after = post("cnipa", outlet.filingNo(), "designations", Map.of("designation", "TISC"));
		assertThat(after.status()).as(after.body()).isEqualTo(409);
	}

	@Test
	void Art19_cnipaDesignatesTheOutletAndTheFilingIsCancelled() {
		Filed outlet = file();

		Response response = post("cnipa", outlet.filingNo(), "designations", Map.of("designation", "UNIVERSITY_CENTRE"));

		assertThat(response.status()).as(response.body()).isEqualTo(202);
		runJobs(outlet);
		assertThat(outlets.get(outlet.filingNo()).status()).isEqualTo(OutletStatus.CANCELLED);
	}

	// --- helpers ---

	record Filed(String filingNo, String processInstanceId) {
	}

	/** An outlet of Shanghai held by the demo outlet user, its lifecycle started as registration starts it. */
	private Filed file() {
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "WT-" + unique.substring(0, 10);
		LocalDate validFrom = LocalDate.of(2026, 3, 2);
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails("测试网点" + filingNo, "UNIVERSITY", "事业单位", "310000", "上海市某路1号",
				null, null, "张三", "李四", "021-64000000", "ip@example.edu.cn", "企业",
				List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, "91" + unique.substring(0, 16), details, "310000",
				OUTLET_USER, validFrom, validUntil, ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>();
		vars.put("filingNo", filingNo);
		vars.put("applicationNo", "APP-" + filingNo);
		vars.put("uscc", "91" + unique.substring(0, 16));
		vars.put("orgName", details.orgName());
		vars.put("recommenderId", "310000");
		vars.put("province", "310000");
		vars.put("outletUser", OUTLET_USER);
		vars.put("validFrom", validFrom.toString());
		vars.put("validUntil", validUntil.toString());
		String pi = runtime.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars).getId();
		return new Filed(filingNo, pi);
	}

	private void fireTimer(Filed outlet, String activityId) {
		Job timer = management.createJobQuery()
			.processInstanceId(outlet.processInstanceId())
			.timers()
			.activityId(activityId)
			.singleResult();
		assertThat(timer).as(activityId).isNotNull();
		ClockUtil.setCurrentTime(timer.getDuedate());
		management.executeJob(timer.getId());
		runJobs(outlet);
	}

	private void runJobs(Filed outlet) {
		for (int i = 0; i < 20; i++) {
			List<Job> jobs = management.createJobQuery().processInstanceId(outlet.processInstanceId()).messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

	private Task task(Filed outlet, String key) {
		return tasks.createTaskQuery().processInstanceId(outlet.processInstanceId()).taskDefinitionKey(key).singleResult();
	}

	private Response post(String user, String filingNo, String action, Map<String, Object> body) {
		return api.send(api.request("/api/outlets/" + filingNo + "/" + action)
			.header("Authorization", ApiClient.basic(user, user))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(body))));
	}

	private static List<String> fieldRules(Response response) {
		List<String> errors = new ArrayList<>();
		for (JsonNode e : response.json().path("errors")) {
			errors.add(e.path("field").asText() + ":" + e.path("rule").asText());
		}
		return errors;
	}

	private static String json(Object value) {
		try {
			return new ObjectMapper().writeValueAsString(value);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
