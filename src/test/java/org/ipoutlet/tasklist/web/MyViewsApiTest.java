package org.ipoutlet.tasklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The caller's own views over HTTP (README, "Tasklist for reviewers and applicants"): 已办, 我的申请 and
 * 流程跟踪 show what the caller did, submitted or may work, and nothing of another applicant's or
 * another province's filings (Art. 4, 7); the Tasklist session reaches them for GET only, with its
 * CSRF token, never from another site.
 */
@WebTest
class MyViewsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	FormService forms;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	RuntimeService runtime;

	@Autowired
	OutletRepository outlets;

	FilingScenario scenario;

	ApiClient api;

	String orgName;

	String instanceId;

	String applicationNo;

	String reviewTaskId;

	@BeforeEach
	void aFilingAtCnipasReview() {
		scenario = new FilingScenario(identity, forms, tasks, management, repository);
		api = new ApiClient(port);
		orgName = "视图测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + "大学图书馆";
		instanceId = scenario.submit("applicant", orgName);
		applicationNo = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
			.getBusinessKey();
		reviewTaskId = scenario.recommend(instanceId, "材料齐全，同意推荐。");
	}

	@Test
	void Art7_theRecommendersDoneListShowsItsReviewWithTheDecisionAndTheFilingsCurrentStep() {
		JsonNode done = get("/api/me/completed-tasks?maxResults=100", "shanghai");
		JsonNode item = find(done.get("items"), "taskId", reviewTaskId);
		assertThat(item).as("Shanghai's completed review in %s", done).isNotNull();
		assertThat(item.get("taskName").asText()).isEqualTo("初审和推荐");
		assertThat(item.get("decision").asText()).isEqualTo("RECOMMEND");
		assertThat(item.get("decisionLabel").asText()).isEqualTo("推荐");
		assertThat(item.get("opinion").asText()).isEqualTo("材料齐全，同意推荐。");
		assertThat(item.get("completedAt").asText()).isNotEmpty();
		JsonNode now = item.get("now");
		assertThat(now.get("businessKey").asText()).isEqualTo(applicationNo);
		assertThat(now.get("orgName").asText()).isEqualTo(orgName);
		assertThat(now.get("statusLabel").asText()).isEqualTo("办理中");
		assertThat(now.get("currentSteps").get(0).get("key").asText()).isEqualTo("cnipaReview");
		assertThat(now.get("currentSteps").get(0).get("name").asText()).isEqualTo("国家知识产权局审核");
		assertThat(now.get("currentSteps").get(0).get("department").asText()).isEqualTo("国家知识产权局");
		assertThat(done.get("total").asLong()).isGreaterThanOrEqualTo(done.get("items").size());
	}

	@Test
	void Art4_anotherProvinceAndTheApplicantsSeeNoneOfShanghaisCompletedTasks() {
		for (String other : List.of("beijing", "mct", "applicant", "applicant2", "cnipa")) {
			JsonNode done = get("/api/me/completed-tasks?maxResults=100", other);
			assertThat(find(done.get("items"), "taskId", reviewTaskId)).as("%s's done list", other).isNull();
			assertThat(done.toString()).as("%s's done list", other).doesNotContain(applicationNo);
		}
	}

	@Test
	void Art7_theApplicantSeesItsApplicationAtCnipasReviewWithTheRecommendersOpinion() {
		JsonNode mine = get("/api/me/applications", "applicant");
		JsonNode application = find(mine.get("applications"), "applicationNo", applicationNo);
		assertThat(application).as("the application in %s", mine).isNotNull();
		assertThat(application.get("status").asText()).isEqualTo("IN_PROGRESS");
		assertThat(application.get("now").get("orgName").asText()).isEqualTo(orgName);
		assertThat(application.get("now").get("currentSteps").get(0).get("name").asText()).isEqualTo("国家知识产权局审核");
		JsonNode review = find(application.get("steps"), "key", "preliminaryReview");
		assertThat(review.get("department").asText()).isEqualTo("上海市知识产权局");
		assertThat(review.get("decisionLabel").asText()).isEqualTo("推荐");
		assertThat(review.get("opinion").asText()).isEqualTo("材料齐全，同意推荐。");
		assertThat(review.has("assignee")).as("reviewers' user ids are not shown to applicants").isFalse();
	}

	@Test
	void Art7_aReturnedApplicationShowsTheSupplementDeadlineAndTheRecommendersRequest() {
		String returned = scenario.submit("applicant", orgName + "（补正）");
		String returnedNo = history.createHistoricProcessInstanceQuery().processInstanceId(returned).singleResult()
			.getBusinessKey();
		scenario.complete("shanghai", returned, "preliminaryReview",
				Map.of("recommendation", "RETURN", "recommenderOpinion", "请补充典型案例材料。", "recommenderHead", "王局长"));
		String deadline = (String) runtime.getVariable(returned, "supplementDeadline");

		JsonNode application = find(get("/api/me/applications", "applicant").get("applications"), "applicationNo", returnedNo);
		JsonNode current = application.get("now").get("currentSteps").get(0);
		assertThat(current.get("key").asText()).isEqualTo("supplementMaterials");
		assertThat(current.get("department").asText()).isEqualTo("申请单位");
		assertThat(current.get("due").asText()).isEqualTo(deadline);
		assertThat(find(application.get("deadlines"), "name", "补正期限").get("date").asText()).isEqualTo(deadline);
		JsonNode review = find(application.get("steps"), "key", "preliminaryReview");
		assertThat(review.get("decisionLabel").asText()).isEqualTo("退回补正");
		assertThat(review.get("opinion").asText()).isEqualTo("请补充典型案例材料。");
	}

	@Test
	void Art9_theOutletSeesItsValidityAndOnlyItsOwnOutlet() {
		String filingNo = "WV-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		LocalDate validFrom = LocalDate.of(2026, 3, 2);
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails("视图网点" + filingNo, "UNIVERSITY", "事业单位", "310000", "上海市某路1号",
				null, null, "张三", "李四", "021-64000000", "ip@example.edu.cn", "企业",
				List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		String uscc = FilingFixtures.newUscc();
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, uscc, details, "310000", "applicant", validFrom, validUntil,
				ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>();
		vars.put("filingNo", filingNo);
		vars.put("applicationNo", "APP-" + filingNo);
		vars.put("uscc", uscc);
		vars.put("orgName", details.orgName());
		vars.put("recommenderId", "310000");
		vars.put("province", "310000");
		vars.put("outletUser", "applicant");
		vars.put("validFrom", validFrom.toString());
		vars.put("validUntil", validUntil.toString());
		String lifecycle = runtime.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars).getId();
		Jobs.runDue(management, lifecycle);

		JsonNode outlet = find(get("/api/me/applications", "applicant").get("outlets"), "filingNo", filingNo);
		assertThat(outlet).as("the applicant's outlet").isNotNull();
		assertThat(outlet.get("status").asText()).isEqualTo("FILED");
		assertThat(outlet.get("now").get("statusLabel").asText()).isEqualTo("有效");
		assertThat(outlet.get("now").get("orgName").asText()).isEqualTo(details.orgName());
		assertThat(outlet.get("validUntil").asText()).isEqualTo(validUntil.toString());
		assertThat(find(outlet.get("deadlines"), "name", "有效期至").get("date").asText()).isEqualTo(validUntil.toString());
		assertThat(LocalDate.parse(find(outlet.get("deadlines"), "name", "续期申请开始").get("date").asText()))
			.isBefore(validUntil).isAfter(validFrom);
		for (String other : List.of("applicant2", "shanghai", "beijing")) {
			assertThat(get("/api/me/applications", other).toString()).as(other).doesNotContain(filingNo);
		}
	}

	@Test
	void anotherApplicantAndReviewersHaveNoneOfTheApplicantsApplications() {
		for (String other : List.of("applicant2", "shanghai", "beijing", "cnipa")) {
			JsonNode mine = get("/api/me/applications", other);
			assertThat(find(mine.get("applications"), "applicationNo", applicationNo)).as("%s's applications", other).isNull();
			assertThat(mine.toString()).as("%s's applications", other).doesNotContain(applicationNo, orgName);
		}
	}

	@Test
	void Art7_theTrailOfCnipasTaskShowsTheRecommendersStepDone() {
		String cnipaTask = scenario.task(instanceId, "cnipaReview").getId();
		JsonNode trail = get("/api/me/tasks/" + cnipaTask + "/trail", "cnipa");
		assertThat(trail.get("taskName").asText()).isEqualTo("国家知识产权局审核");
		assertThat(trail.get("now").get("businessKey").asText()).isEqualTo(applicationNo);
		JsonNode review = find(trail.get("steps"), "key", "preliminaryReview");
		assertThat(review.get("decisionLabel").asText()).isEqualTo("推荐");
		assertThat(review.get("opinion").asText()).isEqualTo("材料齐全，同意推荐。");
		assertThat(review.get("assignee").asText()).isEqualTo("shanghai");
		JsonNode preliminary = find(trail.get("activities"), "activityId", "preliminaryReview");
		assertThat(preliminary.get("endTime")).as("the recommender's step has ended").isNotNull();
		JsonNode current = find(trail.get("activities"), "activityId", "cnipaReview");
		assertThat(current.has("endTime")).as("CNIPA's step is open").isFalse();
		assertThat(trail.get("diagramXml").asText()).contains("id=\"outlet-filing\"", "id=\"cnipaReview\"");
	}

	@Test
	void Art4_theTrailIsOnlyForWhoMayWorkTheTask() {
		String cnipaTask = scenario.task(instanceId, "cnipaReview").getId();
		// Shanghai did the previous step but may not work this one; Beijing and the applicants never.
		for (String other : List.of("shanghai", "beijing", "applicant", "applicant2", "auditor")) {
			ApiClient.Response answer = api.get("/api/me/tasks/" + cnipaTask + "/trail", other, other);
			assertThat(answer.status()).as("%s: %s", other, answer).isEqualTo(404);
			assertThat(answer.body()).doesNotContain(applicationNo, orgName, "材料齐全");
		}
		// A completed task has no trail any more, even for whoever completed it.
		ApiClient.Response done = api.get("/api/me/tasks/" + reviewTaskId + "/trail", "shanghai", "shanghai");
		assertThat(done.status()).isEqualTo(404);
		assertThat(api.get("/api/me/tasks/" + cnipaTask + "/trail").status()).as("anonymous").isEqualTo(401);
	}

	@Test
	void theTasklistSessionReadsTheViewsWithItsCsrfTokenOnly() {
		String cnipaTask = scenario.task(instanceId, "cnipaReview").getId();
		String trail = "/api/me/tasks/" + cnipaTask + "/trail";
		TasklistSession cnipa = TasklistSession.login(port, "cnipa");
		ApiClient.Response read = cnipa.get(trail);
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		assertThat(read.json().get("now").get("businessKey").asText()).isEqualTo(applicationNo);
		// Reading the views leaves Tasklist's session as it was.
		assertThat(read.raw().headers().allValues("Set-Cookie")).as("cookies set by the view").isEmpty();
		assertThat(cnipa.get("/camunda/api/engine/engine/default/task/count").status()).as("Tasklist still logged in")
			.isEqualTo(200);

		// The session cookie alone (what another site's page could make the browser send) is not enough.
		ApiClient.Response cookieOnly = cnipa.send(cnipa.request(trail).GET());
		assertThat(cookieOnly.status()).isEqualTo(401);
		assertThat(cookieOnly.body()).doesNotContain(applicationNo);
		ApiClient.Response wrongToken = cnipa.send(cnipa.request(trail).header("X-XSRF-TOKEN", "not-the-token").GET());
		assertThat(wrongToken.status()).isEqualTo(401);
		assertThat(wrongToken.header("WWW-Authenticate")).as("no browser login prompt for a webapp call").isNull();
		ApiClient.Response crossSite = cnipa.send(cnipa.request(trail)
			.header("X-XSRF-TOKEN", cnipa.cookie("XSRF-TOKEN"))
			.header("Sec-Fetch-Site", "cross-site")
			.GET());
		assertThat(crossSite.status()).isEqualTo(401);

		// Only the caller's own read-only views: nothing else of /api, and no write, takes the session.
		assertThat(cnipa.get("/api/filings/" + applicationNo).status()).isEqualTo(401);
		ApiClient.Response write = cnipa.send(cnipa.request("/api/outlets/WD-2026-9999/rectification-orders")
			.header("X-XSRF-TOKEN", cnipa.cookie("XSRF-TOKEN"))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")));
		assertThat(write.status()).isEqualTo(401);

		// Another user's session reads its own views, not CNIPA's task.
		TasklistSession beijing = TasklistSession.login(port, "beijing");
		assertThat(beijing.get(trail).status()).isEqualTo(404);
		assertThat(beijing.get("/api/me").json().get("id").asText()).isEqualTo("beijing");
		TasklistSession applicant2 = TasklistSession.login(port, "applicant2");
		assertThat(applicant2.get("/api/me/applications").body()).doesNotContain(applicationNo);
	}

	@Test
	void pagingOutOfRangeIsRefusedNamingTheField() {
		ApiClient.Response answer = api.get("/api/me/completed-tasks?maxResults=1000", "shanghai", "shanghai");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("maxResults");
		assertThat(answer.json().get("errors").get(0).get("messageZh").asText()).contains("每页条数");
	}

	private JsonNode get(String path, String user) {
		ApiClient.Response answer = api.get(path, user, user);
		assertThat(answer.status()).as("%s as %s: %s", path, user, answer).isEqualTo(200);
		return answer.json();
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		List<JsonNode> hits = new ArrayList<>();
		array.forEach(node -> {
			if (node.hasNonNull(field) && node.get(field).asText().equals(value)) {
				hits.add(node);
			}
		});
		return hits.isEmpty() ? null : hits.get(hits.size() - 1);
	}

}
