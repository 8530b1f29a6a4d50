package org.ipoutlet.filing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.filing.FilingMessages;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sections 六, 七 and 八 of the 备案表 (填表说明 二、三), signed and dated: the 经办人 is the user who
 * completed the step, whatever a client sends; the 负责人 is named in the form; the date is the
 * server's in Asia/Shanghai; 八 is CNIPA's final decision after publicity (Art. 7(三)).
 */
@WebTest
class SignedOpinionsTest {

	/** Tuesday 3 March 2026, 00:30 in Beijing: still 2 March in UTC, so a date taken in UTC would be wrong. */
	static final String JUST_AFTER_MIDNIGHT = "2026-03-03T00:30:00+08:00";

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
	FilingMessages messages;

	@Autowired
	JdbcTemplate jdbc;

	FilingApi api;

	@BeforeEach
	void setUp() {
		api = new FilingApi(port);
		identity.clearAuthentication();
		setClock(JUST_AFTER_MIDNIGHT);
	}

	@Test
	void sections6to8_theHandlerIsTheCompletingUserAndTheDateTheServers() {
		String applicationNo = submitted();
		String pi = processInstance(applicationNo);

		// A reviewer cannot type another 经办人 or date: the engine refuses fields that are not in the form.
		Map<String, Object> forged = review("RECOMMEND", "资源和人员实力较强，同意推荐");
		forged.put(RECOMMENDER_HANDLER, "冒名经办人");
		forged.put(RECOMMENDER_SIGNED_ON, "2020-01-01");
		Response refused = complete("shanghai", pi, "preliminaryReview", forged);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(fieldRules(refused)).contains(RECOMMENDER_HANDLER + ":notInForm", RECOMMENDER_SIGNED_ON + ":notInForm");
		assertThat(openTask(pi, "preliminaryReview")).as("the refused completion leaves the review open").isNotNull();
		assertThat(rows(applicationNo)).as("and signs nothing").isEqualTo(1);

		// A head is required.
		Map<String, Object> unsigned = review("RECOMMEND", "同意推荐");
		unsigned.remove(RECOMMENDER_HEAD);
		Response noHead = complete("shanghai", pi, "preliminaryReview", unsigned);
		assertThat(noHead.status()).as(noHead.body()).isEqualTo(400);
		assertThat(fieldRules(noHead)).contains(RECOMMENDER_HEAD + ":required");

		assertThat(complete("shanghai", pi, "preliminaryReview", review("RECOMMEND", "资源和人员实力较强，同意推荐")).status())
			.isEqualTo(204);
		runJobs(pi);
		setClock("2026-03-03T16:00:00+08:00");
		assertThat(complete("cnipa", pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION,
				"符合备案条件，予以公示", CNIPA_HEAD, "刘司长")).status()).isEqualTo(204);
		runJobs(pi);

		JsonNode status = api.get("applicant", "/api/filings/" + applicationNo).json();
		JsonNode six = section(status, "SIX");
		assertThat(six.path("handler").asText()).isEqualTo("applicant");
		assertThat(six.path("head").asText()).isEqualTo("张三");
		assertThat(six.path("opinion").asText()).isEqualTo("本机构自愿申请备案，所填材料真实、合法。");
		assertThat(six.path("decidedOn").asText()).as("the date in Asia/Shanghai").isEqualTo("2026-03-03");
		JsonNode seven = section(status, "SEVEN");
		assertThat(seven.path("handler").asText()).isEqualTo("shanghai");
		assertThat(seven.path("head").asText()).isEqualTo("陈处长");
		assertThat(seven.path("decision").asText()).isEqualTo("RECOMMEND");
		assertThat(seven.path("decisionLabel").asText()).isEqualTo("同意推荐");
		assertThat(seven.path("decidedOn").asText()).isEqualTo("2026-03-03");
		assertThat(status.path("sections").findValuesAsText("section")).as("approval before publicity is not 八 yet")
			.containsExactly("SIX", "SEVEN");
		assertThat(status.path("signedOpinions").findValuesAsText("step"))
			.containsExactly("SUBMISSION", "PRELIMINARY_REVIEW", "CNIPA_REVIEW");
		assertThat(signed(status, "CNIPA_REVIEW").path("handler").asText()).isEqualTo("cnipa");
		// Later forms show the signature read-only from variables the application set.
		assertThat(runtime.getVariable(pi, RECOMMENDER_HANDLER)).isEqualTo("shanghai");
		assertThat(runtime.getVariable(pi, RECOMMENDER_SIGNED_ON)).isEqualTo("2026-03-03");

		// Publicity 4–10 March; the application is filed on 11 March: 八 is 准予备案, signed by CNIPA's reviewer.
		setClock("2026-03-11T00:00:01+08:00");
		runJobs(pi);
		status = api.get("cnipa", "/api/filings/" + applicationNo).json();
		assertThat(status.path("status").asText()).isEqualTo("FILED");
		JsonNode eight = section(status, "EIGHT");
		assertThat(eight.path("step").asText()).isEqualTo("FINAL_DECISION");
		assertThat(eight.path("decision").asText()).isEqualTo("FILED");
		assertThat(eight.path("decisionLabel").asText()).isEqualTo("准予备案");
		assertThat(eight.path("handler").asText()).isEqualTo("cnipa");
		assertThat(eight.path("head").asText()).isEqualTo("刘司长");
		assertThat(eight.path("decidedOn").asText()).as("the day of the final decision").isEqualTo("2026-03-11");
		assertThat(jdbc.queryForObject("select decided_on from filing_opinion where application_no = ? and step = "
				+ "'FINAL_DECISION'", java.sql.Date.class, applicationNo).toString()).isEqualTo("2026-03-11");

		// The register's record publishes the three sections, without the names of those who signed.
		String filingNo = status.path("filingNo").asText();
		Response outlet = api.get(null, "/api/outlets/" + filingNo);
		assertThat(outlet.status()).isEqualTo(200);
		JsonNode record = outlet.json().path("filingRecord");
		assertThat(record.findValuesAsText("section")).containsExactly("SIX", "SEVEN", "EIGHT");
		assertThat(record.get(2).path("decisionLabel").asText()).isEqualTo("准予备案");
		assertThat(record.get(2).path("decidedOn").asText()).isEqualTo("2026-03-11");
		assertThat(record.get(1).path("opinion").asText()).isEqualTo("资源和人员实力较强，同意推荐");
		assertThat(outlet.body()).doesNotContain("陈处长", "刘司长", "\"shanghai\"");
	}

	@Test
	void section8_afterAnUpheldObjectionIsNotFiledWithTheFinding() {
		String applicationNo = submitted();
		String pi = processInstance(applicationNo);
		assertThat(complete("shanghai", pi, "preliminaryReview", review("RECOMMEND", "同意推荐")).status()).isEqualTo(204);
		runJobs(pi);
		assertThat(complete("cnipa", pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "予以公示",
				CNIPA_HEAD, "刘司长")).status()).isEqualTo(204);
		runJobs(pi);
		setClock("2026-03-05T10:00:00+08:00");
		messages.raiseObjection(applicationNo, "该机构专职人员仅有两名", "13800000000");

		Map<String, Object> finding = new LinkedHashMap<>(Map.of(OBJECTION_UPHELD, true, OBJECTION_FINDING,
				"经核查，专职人员不足5名，异议成立", CNIPA_HEAD, "王副司长"));
		finding.put(CNIPA_HANDLER, "别人");
		Response forged = complete("cnipa", pi, "handleObjection", finding);
		assertThat(forged.status()).as(forged.body()).isEqualTo(400);
		assertThat(fieldRules(forged)).contains(CNIPA_HANDLER + ":notInForm");
		finding.remove(CNIPA_HANDLER);
		assertThat(complete("cnipa", pi, "handleObjection", finding).status()).isEqualTo(204);
		runJobs(pi);

		JsonNode status = api.get("applicant", "/api/filings/" + applicationNo).json();
		assertThat(status.path("status").asText()).isEqualTo("OBJECTION_UPHELD");
		JsonNode eight = section(status, "EIGHT");
		assertThat(eight.path("decision").asText()).isEqualTo("NOT_FILED");
		assertThat(eight.path("decisionLabel").asText()).isEqualTo("不予备案");
		assertThat(eight.path("opinion").asText()).isEqualTo("公示期间异议成立：经核查，专职人员不足5名，异议成立");
		assertThat(eight.path("handler").asText()).isEqualTo("cnipa");
		assertThat(eight.path("head").asText()).isEqualTo("王副司长");
		assertThat(eight.path("decidedOn").asText()).isEqualTo("2026-03-05");
		assertThat(status.path("signedOpinions").findValuesAsText("step")).containsExactly("SUBMISSION",
				"PRELIMINARY_REVIEW", "CNIPA_REVIEW", "OBJECTION_FINDING", "FINAL_DECISION");
	}

	@Test
	void section8_aRefusalInReviewIsNotFiledWithTheReviewsReason() {
		String applicationNo = submitted();
		String pi = processInstance(applicationNo);
		assertThat(complete("shanghai", pi, "preliminaryReview", review("RECOMMEND", "同意推荐")).status()).isEqualTo(204);
		runJobs(pi);
		Response noHead = complete("cnipa", pi, "cnipaReview", Map.of(FILING_DECISION, "REJECT", CNIPA_OPINION, "典型案例不实"));
		assertThat(noHead.status()).as(noHead.body()).isEqualTo(400);
		assertThat(fieldRules(noHead)).contains(CNIPA_HEAD + ":required");
		assertThat(complete("cnipa", pi, "cnipaReview", Map.of(FILING_DECISION, "REJECT", CNIPA_OPINION, "典型案例不实",
				CNIPA_HEAD, "刘司长")).status()).isEqualTo(204);
		runJobs(pi);

		JsonNode eight = section(api.get("shanghai", "/api/filings/" + applicationNo).json(), "EIGHT");
		assertThat(eight.path("decision").asText()).isEqualTo("NOT_FILED");
		assertThat(eight.path("opinion").asText()).isEqualTo("审核不通过：典型案例不实");
		assertThat(eight.path("handler").asText()).isEqualTo("cnipa");
		assertThat(eight.path("decidedOn").asText()).isEqualTo("2026-03-03");
	}

	@Test
	void section6_aSupplementIsSignedAgainByTheApplicant() {
		String applicationNo = submitted();
		String pi = processInstance(applicationNo);
		assertThat(complete("shanghai", pi, "preliminaryReview", review("RETURN", "请补充典型案例")).status()).isEqualTo(204);
		runJobs(pi);
		setClock("2026-03-06T11:00:00+08:00");
		Map<String, Object> supplement = FilingFixtures.application(
				(String) runtime.getVariable(pi, USCC));
		supplement.remove(APPLICANT);
		// Documents are uploaded separately; the supplement form carries the 备案表's fields.
		supplement.remove(WORK_RULES);
		supplement.remove(SEALED_FORM);
		supplement.put(APPLICANT_OPINION, "已按推荐部门意见补充典型案例。");
		supplement.put(APPLICANT_HEAD, "张三（代）");
		Response completed = complete("applicant", pi, "supplementMaterials", supplement);
		assertThat(completed.status()).as(completed.body()).isEqualTo(204);
		runJobs(pi);

		JsonNode status = api.get("applicant", "/api/filings/" + applicationNo).json();
		JsonNode six = section(status, "SIX");
		assertThat(six.path("step").asText()).isEqualTo("SUPPLEMENT");
		assertThat(six.path("opinion").asText()).isEqualTo("已按推荐部门意见补充典型案例。");
		assertThat(six.path("handler").asText()).isEqualTo("applicant");
		assertThat(six.path("head").asText()).isEqualTo("张三（代）");
		assertThat(six.path("decidedOn").asText()).isEqualTo("2026-03-06");
		assertThat(section(status, "SEVEN").path("decision").asText()).isEqualTo("RETURN");
	}

	// --- helpers ---

	private static Map<String, Object> review(String recommendation, String opinion) {
		return new LinkedHashMap<>(Map.of(RECOMMENDATION, recommendation, RECOMMENDER_OPINION, opinion, RECOMMENDER_HEAD,
				"陈处长"));
	}

	private String submitted() {
		Response response = api.submit("applicant", FilingApi.body(FilingFixtures.newUscc()));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String applicationNo = response.json().path("applicationNo").asText();
		runJobs(processInstance(applicationNo));
		return applicationNo;
	}

	private String processInstance(String applicationNo) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(org.ipoutlet.ProcessKeys.OUTLET_FILING)
			.processInstanceBusinessKey(applicationNo)
			.singleResult()
			.getId();
	}

	/** Completes the open task as {@code user} through {@code /engine-rest}, as Tasklist does. */
	private Response complete(String user, String pi, String taskKey, Map<String, Object> variables) {
		Task task = openTask(pi, taskKey);
		assertThat(task).as("open %s", taskKey).isNotNull();
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			Object plain = value instanceof org.camunda.bpm.engine.variable.value.TypedValue t ? t.getValue() : value;
			boolean json = plain instanceof org.camunda.spin.json.SpinJsonNode;
			String type = json ? "Json" : plain instanceof Integer ? "Integer" : plain instanceof Boolean ? "Boolean" : "String";
			typed.put(name, Map.of("value", json ? plain.toString() : plain, "type", type));
		});
		return api.postJson(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", typed));
	}

	private Task openTask(String pi, String taskKey) {
		return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).list().stream().findFirst()
			.orElse(null);
	}

	private int rows(String applicationNo) {
		return jdbc.queryForObject("select count(*) from filing_opinion where application_no = ?", Integer.class,
				applicationNo);
	}

	private static List<String> fieldRules(Response response) {
		List<String> rules = new ArrayList<>();
		response.json().path("errors").forEach(e -> rules.add(e.path("field").asText() + ":" + e.path("rule").asText()));
		return rules;
	}

	private static JsonNode section(JsonNode status, String section) {
		for (JsonNode s : status.path("sections")) {
			if (section.equals(s.path("section").asText())) {
				return s;
			}
		}
		throw new AssertionError("No section " + section + " in " + status);
	}

	private static JsonNode signed(JsonNode status, String step) {
		for (JsonNode s : status.path("signedOpinions")) {
			if (step.equals(s.path("step").asText())) {
				return s;
			}
		}
		throw new AssertionError("No signed step " + step + " in " + status);
	}

	private void runJobs(String pi) {
		Jobs.runDue(management, pi);
	}

	private static void setClock(String iso) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(iso).toInstant()));
	}

}
