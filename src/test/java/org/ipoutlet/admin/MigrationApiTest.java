package org.ipoutlet.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.ipoutlet.filing.FilingFixtures.application;
import static org.ipoutlet.filing.FilingFixtures.newUscc;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.ipoutlet.Jobs;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/admin/migrations} (README "For administrators — migration"): running instances
 * of outlet-filing and outlet-lifecycle, waiting at a user task, at the publicity timer and at the
 * three-year expiry timer, move to a version with a renamed task label and one added step; they
 * complete on the new version, and their timers fire at the due dates they had before.
 */
@WebTest
class MigrationApiTest {

	private static final String FILING = "outlet-filing";
	private static final String LIFECYCLE = "outlet-lifecycle";
	/** Monday 2 March 2026, 09:00 in Beijing: an ordinary working week (publicity 3–9 March). */
	private static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

	@LocalServerPort int port;
	@Autowired ProcessEngine engine;
	@Autowired RepositoryService repository;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired HistoryService history;
	@Autowired OutletRepository outlets;

	private ApiClient client;
	private final List<String> deployments = new ArrayList<>();

	@BeforeEach
	void setUp() {
		client = new ApiClient(port);
		AbstractAssertions.init(engine);
		setClock(MONDAY);
	}

	/** Later tests of the shared context find the release's diagrams as the newest again. */
	@AfterEach
	void deleteVersions() {
		deployments.forEach(id -> repository.deleteDeployment(id, true));
	}

	@Test
	void filingsAtPreliminaryReviewAndAtThePublicityTimerMoveToTheNewVersionAndComplete() throws IOException {
		ProcessInstance atReview = startFiling();
		ProcessInstance atPublicity = startFiling();
		recommendAndApprove(atPublicity);
		assertThat(atPublicity).isWaitingAt("Timer_PublicityEnds");
		Date publicityDue = timer(atPublicity, "Timer_PublicityEnds").getDuedate();
		ProcessDefinition source = definitionOf(atReview);
		assertThat(definitionOf(atPublicity).getId()).isEqualTo(source.getId());

		int target = deployChanged(FILING, "bpmn/outlet-filing.bpmn", "name=\"初审和推荐\"", "name=\"初审并推荐\"",
				"Task_Registration", "EndEvent_Filed");

		// Validate first: the plan maps every activity by id, nothing moves yet.
		Response validated = migrate("admin", FILING, source.getVersion(), target, false, List.of(atReview.getId(),
				atPublicity.getId()));
		assertThat(validated.status()).as(validated.body()).isEqualTo(200);
		assertThat(validated.json().get("executed").asBoolean()).isFalse();
		assertThat(validated.json().get("instances").asLong()).isEqualTo(2);
		assertThat(sourceIds(validated.json())).contains("preliminaryReview", "Timer_PublicityEnds", "SubProcess_Publicity");
		assertThat(definitionOf(atReview).getId()).isEqualTo(source.getId());

		Response migrated = migrate("admin", FILING, source.getVersion(), target, true, List.of(atReview.getId(),
				atPublicity.getId()));
		assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
		assertThat(migrated.json().get("executed").asBoolean()).isTrue();
		assertThat(definitionOf(atReview).getVersion()).isEqualTo(target);
		assertThat(definitionOf(atPublicity).getVersion()).isEqualTo(target);
		assertThat(timer(atPublicity, "Timer_PublicityEnds").getDuedate()).isEqualTo(publicityDue);
		Task review = tasks.createTaskQuery().processInstanceId(atReview.getId()).singleResult();
		assertThat(review.getTaskDefinitionKey()).isEqualTo("preliminaryReview");
		assertThat(review.getProcessDefinitionId()).isEqualTo(definitionOf(atReview).getId());
		assertThat(review.getName()).as("an open task keeps its name").isEqualTo("初审和推荐");

		// The publicity timer fires at its old due date (the start of 10 March) and the filing completes
		// through the added step.
		setClock(OffsetDateTime.parse("2026-03-09T23:59:00+08:00"));
		assertThat(management.createJobQuery().processInstanceId(atPublicity.getId()).executable().count()).isZero();
		setClock(OffsetDateTime.parse("2026-03-10T00:00:01+08:00"));
		Jobs.runDue(management, atPublicity.getId());
		assertThat(atPublicity).isEnded().hasPassed("Event_AddedStep", "EndEvent_Filed");

		// The reviewer's open task moved too; the filing continues on the new version to the end.
		setClock(MONDAY);
		recommendAndApprove(atReview);
		assertThat(definitionOf(atReview).getVersion()).isEqualTo(target);
		setClock(OffsetDateTime.parse("2026-03-10T00:00:01+08:00"));
		Jobs.runDue(management, atReview.getId());
		assertThat(atReview).isEnded().hasPassed("Event_AddedStep", "EndEvent_Filed");
	}

	@Test
	void aLifecycleWaitingForItsThreeYearExpiryMovesKeepsItsDueDatesAndExpiresOnTheNewVersion() throws IOException {
		ProcessInstance lifecycle = startLifecycle(LocalDate.of(2026, 3, 10));
		Date expiryDue = timer(lifecycle, "Boundary_Expiry").getDuedate();
		Date windowDue = timer(lifecycle, "Timer_RenewalWindow").getDuedate();
		Date summaryDue = timer(lifecycle, "Timer_SummaryOpens").getDuedate();
		assertThat(expiryDue).isEqualTo(Date.from(OffsetDateTime.parse("2029-03-10T00:00:00+08:00").toInstant()));
		ProcessDefinition source = definitionOf(lifecycle);

		int target = deployChanged(LIFECYCLE, "bpmn/outlet-lifecycle.bpmn", "name=\"申请续期\"", "name=\"提出续期申请\"",
				"Task_ExpireOutlet", "EndEvent_Expired");
		Response migrated = migrate("admin", LIFECYCLE, source.getVersion(), target, true, List.of(lifecycle.getId()));
		assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
		assertThat(definitionOf(lifecycle).getVersion()).isEqualTo(target);
		assertThat(timer(lifecycle, "Boundary_Expiry").getDuedate()).isEqualTo(expiryDue);
		assertThat(timer(lifecycle, "Timer_RenewalWindow").getDuedate()).isEqualTo(windowDue);
		assertThat(timer(lifecycle, "Timer_SummaryOpens").getDuedate()).isEqualTo(summaryDue);

		// The renewal window opens at its old date with the new label.
		ClockUtil.setCurrentTime(windowDue);
		management.executeJob(timer(lifecycle, "Timer_RenewalWindow").getId());
		Task apply = tasks.createTaskQuery().processInstanceId(lifecycle.getId()).taskDefinitionKey("applyForRenewal")
			.singleResult();
		assertThat(apply.getName()).isEqualTo("提出续期申请");

		// Nobody applies: the expiry fires at its old due date and the instance ends through the added step.
		ClockUtil.setCurrentTime(expiryDue);
		management.executeJob(timer(lifecycle, "Boundary_Expiry").getId());
		Jobs.runDue(management, lifecycle.getId());
		assertThat(lifecycle).isEnded().hasPassed("Task_ExpireOutlet", "Event_AddedStep", "EndEvent_Expired");
		assertThat(outlets.get(runtimeBusinessKey(lifecycle)).status()).isEqualTo(OutletStatus.EXPIRED);
	}

	@Test
	void aTargetWithoutTheWaitingActivityIsRefusedWith400AndTheReportAndNothingMoves() throws IOException {
		ProcessInstance atReview = startFiling();
		ProcessDefinition source = definitionOf(atReview);
		int target = deploy(FILING, Files.readString(Path.of("bpmn/outlet-filing.bpmn"))
			.replace("\"preliminaryReview\"", "\"preliminaryReviewRenamed\"")
			.replace("bpmnElement=\"preliminaryReview\"", "bpmnElement=\"preliminaryReviewRenamed\""));

		Response refused = migrate("admin", FILING, source.getVersion(), target, true, List.of(atReview.getId()));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		JsonNode error = refused.json().get("errors").get(0);
		assertThat(error.get("field").asText()).isEqualTo("processInstanceIds[" + atReview.getId() + "]");
		assertThat(error.get("rule").asText()).isEqualTo("migratingInstance");
		assertThat(error.get("messageZh").asText()).contains("不能迁移");
		assertThat(refused.json().get("validationReport").toString()).contains("preliminaryReview");
		assertThat(refused.body()).doesNotContain("\tat ");
		assertThat(definitionOf(atReview).getId()).isEqualTo(source.getId());
		assertThat(atReview).isWaitingAt("preliminaryReview");
	}

	@Test
	void unknownVersionsAndMissingFieldsAreRefusedWith400NamingTheField() {
		Response unknown = migrate("admin", FILING, 9999, null, false, null);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("sourceVersion");
		assertThat(unknown.json().get("errors").get(0).get("rule").asText()).isEqualTo("unknownVersion");

		Response missing = post("admin", "{\"sourceVersion\":1}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("processDefinitionKey");
	}

	@ParameterizedTest
	@ValueSource(strings = { "cnipa", "shanghai", "applicant", "auditor" })
	void nonAdministratorsAreRefusedWith403(String user) {
		Response refused = migrate(user, FILING, 1, null, true, null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
	}

	@Test
	void anonymousIsRefusedWith401() {
		Response refused = client.send(client.request("/api/admin/migrations")
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"processDefinitionKey\":\"outlet-filing\",\"sourceVersion\":1}")));
		assertThat(refused.status()).isEqualTo(401);
	}

	// --- helpers ---

	/** A copy of the release diagram with one label renamed and one step added after {@code stepAfter}. */
	private int deployChanged(String key, String file, String label, String renamed, String stepAfter, String end)
			throws IOException {
		String xml = Files.readString(Path.of(file));
		assertThat(xml).contains(label);
		String flow = "<bpmn:sequenceFlow id=\"([^\"]+)\" sourceRef=\"" + stepAfter + "\" targetRef=\"" + end + "\" />";
		assertThat(xml).containsPattern(flow);
		// The old flow (and its layout) now leads to the added step, a new flow from there to the end.
		String changed = xml.replace(label, renamed)
			.replaceFirst(flow,
					"<bpmn:sequenceFlow id=\"$1\" sourceRef=\"" + stepAfter + "\" targetRef=\"Event_AddedStep\" />"
							+ "<bpmn:intermediateThrowEvent id=\"Event_AddedStep\" name=\"新增步骤\" />"
							+ "<bpmn:sequenceFlow id=\"Flow_FromAddedStep\" sourceRef=\"Event_AddedStep\" targetRef=\"" + end
							+ "\" />");
		return deploy(key, changed);
	}

	private int deploy(String key, String xml) {
		var deployment = repository.createDeployment()
			.name(key + "-migration-test-" + UUID.randomUUID())
			.source("Camunda Modeler")
			.addString(key + ".bpmn", xml)
			.deployWithResult();
		deployments.add(deployment.getId());
		return deployment.getDeployedProcessDefinitions().get(0).getVersion();
	}

	private Response migrate(String user, String key, int sourceVersion, Integer targetVersion, boolean execute,
			List<String> instanceIds) {
		Map<String, Object> body = new HashMap<>();
		body.put("processDefinitionKey", key);
		body.put("sourceVersion", sourceVersion);
		if (targetVersion != null) {
			body.put("targetVersion", targetVersion);
		}
		if (instanceIds != null) {
			body.put("processInstanceIds", instanceIds);
		}
		body.put("execute", execute);
		try {
			return post(user, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Response post(String user, String json) {
		return client.send(client.request("/api/admin/migrations")
			.header("Authorization", ApiClient.basic(user, user))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private static List<String> sourceIds(JsonNode result) {
		List<String> ids = new ArrayList<>();
		result.get("instructions").forEach(i -> ids.add(i.get("sourceActivityId").asText()));
		return ids;
	}

	private ProcessInstance startFiling() {
		ProcessInstance pi = runtime.startProcessInstanceByKey(FILING, application(newUscc()));
		Jobs.runDue(management, pi.getId());
		assertThat(pi).isWaitingAt("preliminaryReview");
		return pi;
	}

	private void recommendAndApprove(ProcessInstance pi) {
		complete(pi, "preliminaryReview", Map.of("recommendation", "RECOMMEND", "recommenderOpinion", "同意推荐", "recommenderHead", "陈处长"));
		Jobs.runDue(management, pi.getId());
		complete(pi, "cnipaReview", Map.of("filingDecision", "APPROVE", "cnipaOpinion", "符合备案条件，予以公示", "cnipaHead", "刘司长"));
		Jobs.runDue(management, pi.getId());
	}

	private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
		assertThat(task).as(taskKey).isNotNull();
		tasks.complete(task.getId(), new HashMap<>(variables));
	}

	/** A filed outlet's lifecycle, started as the filing process starts it. */
	private ProcessInstance startLifecycle(LocalDate validFrom) {
		ClockUtil.setCurrentTime(Date.from(validFrom.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "MIG-" + unique.substring(0, 8);
		String uscc = "91" + unique.substring(0, 16);
		String outletUser = "outlet-" + unique.substring(0, 8).toLowerCase();
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails("迁移测试网点" + filingNo, "UNIVERSITY", "事业单位", "310000", "某市某路1号",
				null, null, "张三", "李四", "021-12345678", "contact@example.org", "企业",
				List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, uscc, details, "310000", outletUser, validFrom,
				validUntil, ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>();
		vars.put("filingNo", filingNo);
		vars.put("applicationNo", "APP-" + filingNo);
		vars.put("uscc", uscc);
		vars.put("orgName", details.orgName());
		vars.put("recommenderId", "310000");
		vars.put("province", "310000");
		vars.put("outletUser", outletUser);
		vars.put("validFrom", validFrom.toString());
		vars.put("validUntil", validUntil.toString());
		ProcessInstance pi = runtime.startProcessInstanceByKey(LIFECYCLE, filingNo, vars);
		Jobs.runDue(management, pi.getId());
		return pi;
	}

	private String runtimeBusinessKey(ProcessInstance pi) {
		return history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getBusinessKey();
	}

	private Job timer(ProcessInstance pi, String activityId) {
		Job job = management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
		assertThat(job).as("timer at " + activityId).isNotNull();
		return job;
	}

	private ProcessDefinition definitionOf(ProcessInstance pi) {
		String id = runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
		return repository.getProcessDefinition(id);
	}

	private static void setClock(OffsetDateTime time) {
		ClockUtil.setCurrentTime(Date.from(time.toInstant()));
	}

}
