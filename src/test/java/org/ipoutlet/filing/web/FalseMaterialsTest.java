package org.ipoutlet.filing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Art. 18 during filing (README, "Art. 18: false materials found during filing"): a recommender's finding of false
 * materials bans the institution for three years only once CNIPA confirms it; a finding after the application has
 * ended bans too; every ban keeps the facts, the decision's text, who and when.
 */
@WebTest
class FalseMaterialsTest {

	static final LocalDate TODAY = LocalDate.parse("2026-03-02");

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
	BannedInstitutions banned;

	FilingApi api;

	@BeforeEach
	void setUp() {
		api = new FilingApi(port);
		identity.clearAuthentication();
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()));
	}

	@Test
	void Art18_aRecommendersFindingConfirmedByCnipaBansForThreeYears() {
		String uscc = FilingFixtures.newUscc();
		String pi = submitted(uscc);
		Map<String, Object> finding = review("NOT_RECOMMEND", "典型案例系伪造，合作企业否认曾接受服务");
		finding.put(FALSE_MATERIALS, true);
		assertThat(complete("shanghai", pi, "preliminaryReview", finding).status()).isEqualTo(204);
		runJobs(pi);
		assertThat(banned.isBanned(uscc, TODAY)).as("no ban before CNIPA confirms").isFalse();
		Task confirm = openTask(pi, "confirmFalseMaterials");
		assertThat(confirm).as("CNIPA confirms the finding").isNotNull();
		assertThat(tasks.getIdentityLinksForTask(confirm.getId())).anySatisfy(l -> assertThat(l.getGroupId())
			.isEqualTo("cnipa-reviewers"));
		assertThat(complete("shanghai", pi, "confirmFalseMaterials", confirmation(true)).status())
			.as("the recommender cannot confirm its own finding").isIn(403, 404);

		Response noHead = complete("cnipa", pi, "confirmFalseMaterials",
				Map.of(FALSE_MATERIALS_CONFIRMED, true, FALSE_MATERIALS_DECISION, "经核实，确认提供虚假材料"));
		assertThat(noHead.status()).isEqualTo(400);
		assertThat(fieldRules(noHead)).contains(CNIPA_HEAD + ":required");
		assertThat(complete("cnipa", pi, "confirmFalseMaterials", confirmation(true)).status()).isEqualTo(204);
		runJobs(pi);

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(OUTCOME)
			.singleResult().getValue()).isEqualTo("NOT_RECOMMENDED");
		assertThat(banned.isBanned(uscc, TODAY)).isTrue();
		assertThat(banned.isBanned(uscc, LocalDate.parse("2029-03-01"))).as("three years").isTrue();
		assertThat(banned.isBanned(uscc, LocalDate.parse("2029-03-02"))).isFalse();
		BannedInstitutions.Ban ban = banned.of(uscc).get(0);
		assertThat(ban.facts()).isEqualTo("典型案例系伪造，合作企业否认曾接受服务");
		assertThat(ban.decision()).isEqualTo("经核实，确认提供虚假材料，三年内不得再提交备案申请");
		assertThat(ban.decidedBy()).isEqualTo("cnipa");
		assertThat(ban.decidedAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant());
		assertThat(ban.reason()).contains("第十八条");

		JsonNode signed = api.get("shanghai", "/api/filings/" + applicationNo(pi)).json().path("signedOpinions");
		assertThat(signed.findValuesAsText("step")).containsExactly("SUBMISSION", "PRELIMINARY_REVIEW",
				"FALSE_MATERIALS_REVIEW");
		assertThat(signed.get(2).path("decision").asText()).isEqualTo("CONFIRMED");
		assertThat(signed.get(2).path("handler").asText()).isEqualTo("cnipa");
		// A new application of the banned institution is ineligible.
		String again = submitted(uscc);
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(again).variableName(OUTCOME)
			.singleResult().getValue()).isEqualTo("INELIGIBLE");
	}

	@Test
	void Art18_aFindingCnipaDoesNotConfirmBansNobody() {
		String uscc = FilingFixtures.newUscc();
		String pi = submitted(uscc);
		Map<String, Object> finding = review("NOT_RECOMMEND", "怀疑人员材料不实");
		finding.put(FALSE_MATERIALS, true);
		assertThat(complete("shanghai", pi, "preliminaryReview", finding).status()).isEqualTo(204);
		runJobs(pi);
		assertThat(complete("cnipa", pi, "confirmFalseMaterials", confirmation(false)).status()).isEqualTo(204);
		runJobs(pi);

		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
		assertThat(banned.isBanned(uscc, TODAY)).isFalse();
		assertThat(banned.of(uscc)).isEmpty();
	}

	@Test
	void Art18_aRecommenderFindsFalseMaterialsOnlyWithARefusalAndWithoutAFindingNoConfirmationIsAsked() {
		String pi = submitted(FilingFixtures.newUscc());
		Map<String, Object> recommend = review("RECOMMEND", "同意推荐");
		recommend.put(FALSE_MATERIALS, true);
		Response refused = complete("shanghai", pi, "preliminaryReview", recommend);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fieldRules(refused)).contains(FALSE_MATERIALS + ":onlyWithRefusal");

		assertThat(complete("shanghai", pi, "preliminaryReview", review("NOT_RECOMMEND", "服务能力不足")).status())
			.isEqualTo(204);
		runJobs(pi);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("ended at once").isZero();
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi).taskDefinitionKey("confirmFalseMaterials")
			.count()).isZero();
	}

	@Test
	void Art18_falseMaterialsFoundAfterTheApplicationEndedBanToo() {
		String uscc = FilingFixtures.newUscc();
		String pi = submitted(uscc);
		String applicationNo = applicationNo(pi);
		String path = "/api/filings/" + applicationNo + "/false-materials";
		Map<String, Object> body = Map.of("facts", "事后查明申报的专职人员系挂名", "decision", "认定提供虚假材料，三年内不得再提交备案申请");

		assertThat(api.postJson("cnipa", path, body).status()).as("in progress: decided in its review").isEqualTo(409);
		assertThat(complete("shanghai", pi, "preliminaryReview", review("NOT_RECOMMEND", "服务能力不足")).status())
			.isEqualTo(204);
		runJobs(pi);
		assertThat(banned.isBanned(uscc, TODAY)).isFalse();

		assertThat(api.postJson("shanghai", path, body).status()).as("CNIPA only").isEqualTo(403);
		Response incomplete = api.postJson("cnipa", path, Map.of("facts", "事后查明"));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(fieldRules(incomplete)).contains("decision:required");
		assertThat(api.postJson("cnipa", "/api/filings/SQ-1999-000009/false-materials", body).status()).isEqualTo(404);

		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-06-15T09:30:00+08:00").toInstant()));
		Response found = api.postJson("cnipa", path, body);
		assertThat(found.status()).as(found.body()).isEqualTo(201);
		assertThat(found.json().path("bannedUntil").asText()).isEqualTo("2029-06-14");
		assertThat(banned.isBanned(uscc, LocalDate.parse("2026-06-15"))).isTrue();
		BannedInstitutions.Ban ban = banned.of(uscc).get(0);
		assertThat(ban.facts()).isEqualTo("事后查明申报的专职人员系挂名");
		assertThat(ban.decision()).isEqualTo("认定提供虚假材料，三年内不得再提交备案申请");
		assertThat(ban.decidedBy()).isEqualTo("cnipa");
		assertThat(ban.decidedAt()).isEqualTo(OffsetDateTime.parse("2026-06-15T09:30:00+08:00").toInstant());
		assertThat(ban.sourceRef()).isEqualTo(applicationNo);
	}

	@Test
	void Art18_aConfirmationReachedBySkippingTheRecommendersFindingIsRefusedAndBansNobody() {
		String uscc = FilingFixtures.newUscc();
		String pi = submitted(uscc);
		// An administrator's instance modification jumps to the confirmation while the review is still open.
		runtime.createProcessInstanceModification(pi).startBeforeActivity("confirmFalseMaterials").execute();
		Task confirm = openTask(pi, "confirmFalseMaterials");

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(confirm.getId(), confirmation(true)))
			.satisfies(e -> assertThat(org.ipoutlet.institution.IllegalTransitionException.in(e)).isPresent());
		assertThat(openTask(pi, "confirmFalseMaterials")).as("the task stays open").isNotNull();
		assertThat(banned.of(uscc)).isEmpty();
	}

	// --- helpers ---

	private static Map<String, Object> review(String recommendation, String opinion) {
		return new LinkedHashMap<>(Map.of(RECOMMENDATION, recommendation, RECOMMENDER_OPINION, opinion, RECOMMENDER_HEAD,
				"陈处长"));
	}

	private static Map<String, Object> confirmation(boolean confirmed) {
		return Map.of(FALSE_MATERIALS_CONFIRMED, confirmed, FALSE_MATERIALS_DECISION,
				confirmed ? "经核实，确认提供虚假材料，三年内不得再提交备案申请" : "现有证据不足，不予确认", CNIPA_HEAD, "刘司长");
	}

	private String submitted(String uscc) {
		Response response = api.submit("applicant", FilingApi.body(uscc));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String pi = runtime.createProcessInstanceQuery()
			.processDefinitionKey(org.ipoutlet.ProcessKeys.OUTLET_FILING)
			.processInstanceBusinessKey(response.json().path("applicationNo").asText())
			.singleResult()
			.getId();
		runJobs(pi);
		return pi;
	}

	private String applicationNo(String pi) {
		return history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
	}

	/** Completes the open task as {@code user} through {@code /engine-rest}, as Tasklist does. */
	private Response complete(String user, String pi, String taskKey, Map<String, Object> variables) {
		Task task = openTask(pi, taskKey);
		assertThat(task).as("open %s", taskKey).isNotNull();
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value, "type",
				value instanceof Boolean ? "Boolean" : value instanceof Integer ? "Integer" : "String")));
		return api.postJson(user, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", typed));
	}

	private Task openTask(String pi, String taskKey) {
		return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(taskKey).list().stream().findFirst()
			.orElse(null);
	}

	private static List<String> fieldRules(Response response) {
		List<String> rules = new ArrayList<>();
		response.json().path("errors").forEach(e -> rules.add(e.path("field").asText() + ":" + e.path("rule").asText()));
		return rules;
	}

	private void runJobs(String pi) {
		Jobs.runDue(management, pi);
	}

}
