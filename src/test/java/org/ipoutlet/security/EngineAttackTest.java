package org.ipoutlet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7's attack list, one test per attack, each showing by the engine's and the register's state
 * that it no longer does harm: a refused request answers 400/401/403/404/409 (the one the issue names)
 * and creates, changes and deletes nothing.
 */
@WebTest
class EngineAttackTest extends SecurityTestSupport {

	// --- skipping the filing's steps at start ---

	@Test
	void applicantStartingBeforeRegistrationPutsNoValidInstitutionIntoTheRegister() {
		assertStartBeforeRegistrationIsRefused(FilingFixtures.newUscc());
	}

	@Test
	void applicantStartingBeforeRegistrationPutsNoBannedInstitutionIntoTheRegister() {
		assertStartBeforeRegistrationIsRefused(BANNED_USCC);
	}

	private void assertStartBeforeRegistrationIsRefused(String uscc) {
		Counts before = counts();
		long registered = registeredWith(uscc);

		Reply reply = engine("applicant", "POST", "/process-definition/key/outlet-filing/start", Map.of(
				"variables", typed(startVariables(uscc)),
				"startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_Registration"))));

		runJobsOfStartedInstance(reply);
		assertThat(registeredWith(uscc)).as("register rows of %s after %s", uscc, reply).isEqualTo(registered);
		assertThat(counts()).as("nothing created: %s", reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void applicantStartingBeforeCnipaReviewDoesNotSkipTheRecommender() {
		String uscc = FilingFixtures.newUscc();
		Counts before = counts();

		Reply reply = engine("applicant", "POST", "/process-definition/key/outlet-filing/start", Map.of(
				"variables", typed(startVariables(uscc)),
				"startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "cnipaReview"))));

		assertThat(tasks.createTaskQuery().taskDefinitionKey("cnipaReview").processVariableValueEquals(USCC, uscc).count())
			.as("a cnipaReview without recommendation: %s", reply).isZero();
		assertThat(counts()).as("nothing created: %s", reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@ParameterizedTest(name = "applicant · start outlet-filing with {0}=true · 400/403, nothing created")
	@ValueSource(strings = { "skipCustomListeners", "skipIoMappings" })
	void applicantCannotStartSkippingListenersOrIoMappings(String flag) {
		String uscc = FilingFixtures.newUscc();
		Counts before = counts();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("variables", typed(startVariables(uscc)));
		body.put(flag, true);

		Reply reply = engine("applicant", "POST", "/process-definition/key/outlet-filing/start", body);

		assertThat(counts()).as("nothing created (no half-made filing, no failing job): %s", reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isIn(400, 403);
		assertNoInternals(reply);
	}

	@ParameterizedTest(name = "applicant · start with instructions and {0}=true · 403")
	@ValueSource(strings = { "skipCustomListeners", "skipIoMappings" })
	void applicantCannotStartWithInstructionsSkippingListenersOrIoMappings(String flag) {
		String uscc = FilingFixtures.newUscc();
		Counts before = counts();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("variables", typed(startVariables(uscc)));
		body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_EligibilityCheck")));
		body.put(flag, true);

		Reply reply = engine("applicant", "POST", "/process-definition/key/outlet-filing/start", body);

		assertThat(counts()).as("nothing created: %s", reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	// --- a recommender rewriting the applicant's data ---

	static Stream<Arguments> applicantData() {
		return Stream.of(Arguments.of(USCC, "91110000000000000X"), Arguments.of(ORG_NAME, "<img src=x onerror=alert(1)>某机构"),
				Arguments.of(RECOMMENDER_ID, "110000"), Arguments.of(APPLICANT, "applicant2"),
				Arguments.of(STAFF_FULL_TIME, 99), Arguments.of(OUTCOME, "FILED"), Arguments.of(PROVINCE, "110000"),
				Arguments.of(ELIGIBLE, true));
	}

	@ParameterizedTest(name = "shanghai · complete preliminaryReview with extra {0} · 400 notInForm, nothing written")
	@MethodSource("applicantData")
	void recommenderCannotRewriteTheApplicantsDataWhenCompletingItsReview(String name, Object value) {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(RECOMMENDATION, "RECOMMEND");
		variables.put(RECOMMENDER_OPINION, "同意推荐");
		variables.put(RECOMMENDER_HEAD, "陈处长");
		variables.put(name, value);

		Reply reply = engine("shanghai", "POST", "/task/" + review.getId() + "/complete", variablesBody(variables));

		assertThat(state(filing.processInstanceId())).as("nothing written, the review stays open: %s", reply)
			.isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.fieldRules()).contains(name + ":notInForm");
	}

	@Test
	void recommenderCannotRewriteSeveralFieldsAtOnceAndEachIsNamed() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(RECOMMENDATION, "RECOMMEND");
		variables.put(RECOMMENDER_OPINION, "同意推荐");
		variables.put(RECOMMENDER_HEAD, "陈处长");
		applicantData().forEach(a -> variables.put((String) a.get()[0], a.get()[1]));

		Reply reply = engine("shanghai", "POST", "/task/" + review.getId() + "/submit-form", variablesBody(variables));

		assertThat(state(filing.processInstanceId())).as("nothing written: %s", reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.fieldRules()).contains(USCC + ":notInForm", ORG_NAME + ":notInForm", RECOMMENDER_ID + ":notInForm",
				APPLICANT + ":notInForm", STAFF_FULL_TIME + ":notInForm", OUTCOME + ":notInForm");
		assertThat(outlets.findAll().stream().filter(o -> o.uscc().equals("91110000000000000X")).count()).isZero();
	}

	// --- an applicant impersonating another or setting the application's own variables ---

	static Stream<Arguments> applicationVariables() {
		return Stream.of(Arguments.of(APPLICANT, "applicant2"), Arguments.of(OUTCOME, "FILED"),
				Arguments.of(FILING_NO, "WD-2026-9999"), Arguments.of(ELIGIBLE, true),
				Arguments.of(RECOMMENDATION, "RECOMMEND"), Arguments.of(FILING_DECISION, "APPROVE"));
	}

	@ParameterizedTest(name = "applicant · start outlet-filing with {0} · 400 notInForm, nothing created")
	@MethodSource("applicationVariables")
	void applicantCannotSetTheApplicationsOwnVariablesAtStart(String name, Object value) {
		String uscc = FilingFixtures.newUscc();
		Map<String, Object> variables = startVariables(uscc);
		variables.put(name, value);
		Counts before = counts();

		Reply start = engine("applicant", "POST", "/process-definition/key/outlet-filing/start", variablesBody(variables));
		Reply submit = engine("applicant", "POST", "/process-definition/key/outlet-filing/submit-form",
				variablesBody(variables));

		assertThat(counts()).as("nothing created: start %s, submit-form %s", start, submit).isEqualTo(before);
		assertThat(start.status()).as(start.toString()).isEqualTo(400);
		assertThat(start.fieldRules()).contains(name + ":notInForm");
		assertThat(submit.status()).as(submit.toString()).isEqualTo(400);
		assertThat(submit.fieldRules()).contains(name + ":notInForm");
	}

	@ParameterizedTest(name = "applicant · POST /api/filings with {0} · 400 naming it, nothing created")
	@MethodSource("applicationVariables")
	void applicantCannotSetTheApplicationsOwnVariablesThroughTheApi(String name, Object value) {
		Map<String, Object> body = apiBody(FilingFixtures.newUscc());
		body.put(name, value);
		Counts before = counts();

		Reply reply = api("applicant", "POST", "/api/filings", body);

		assertThat(counts()).as("nothing created: %s", reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.fieldRules()).anySatisfy(error -> assertThat(error).startsWith(name + ":"));
	}

	@Test
	void applicantIsAlwaysTheAuthenticatedUser() {
		String uscc = FilingFixtures.newUscc();

		Reply start = engine("applicant2", "POST", "/process-definition/key/outlet-filing/start",
				variablesBody(startVariables(uscc)));

		assertThat(start.status()).as(start.toString()).isEqualTo(200);
		String pi = start.json().path("id").asText();
		assertThat(runtime.getVariable(pi, APPLICANT)).isEqualTo("applicant2");
	}

	// --- a recommender handing its review to the applicant ---

	@Test
	void recommenderCannotClaimItsReviewForTheApplicant() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("shanghai", "POST", "/task/" + review.getId() + "/claim", Map.of("userId", "applicant"));

		assertNotCandidate(reply, filing, before);
		assertThat(engine("applicant", "POST", "/task/" + review.getId() + "/complete", variablesBody(Map.of(
				RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "我推荐我自己", RECOMMENDER_HEAD, "陈处长"))).status()).isIn(403, 404);
		assertThat(state(filing.processInstanceId())).isEqualTo(before);
	}

	@ParameterizedTest(name = "shanghai · {0} preliminaryReview to the applicant · refused, nothing changed")
	@ValueSource(strings = { "assignee", "delegate" })
	void recommenderCannotHandItsReviewToTheApplicant(String how) {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		if (how.equals("delegate")) {
			assertThat(engine("shanghai", "POST", "/task/" + review.getId() + "/claim", Map.of("userId", "shanghai")).status())
				.isEqualTo(204);
		}
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("shanghai", "POST", "/task/" + review.getId() + "/" + how, Map.of("userId", "applicant"));

		assertNotCandidateOrForbidden(reply, filing, before);
	}

	@Test
	void recommenderCannotMakeTheApplicantOwnerOfItsReview() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("name", review.getName());
		task.put("owner", "applicant");
		task.put("priority", review.getPriority());

		Reply reply = engine("shanghai", "PUT", "/task/" + review.getId(), task);

		assertThat(state(filing.processInstanceId())).as("owner unchanged: %s", reply).isEqualTo(before);
		assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getOwner()).isNull();
		assertThat(reply.status()).as(reply.toString()).isIn(400, 403);
		if (reply.status() == 400) {
			assertThat(reply.fieldRules()).contains("owner:notCandidate");
		}
	}

	@ParameterizedTest(name = "shanghai · add candidate {0} to preliminaryReview · 403, no identity link")
	@ValueSource(strings = { "groupId=outlets", "userId=applicant", "groupId=recommender-110000" })
	void recommenderCannotAddCandidatesToItsReview(String candidate) {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());
		String[] kv = candidate.split("=");

		Reply reply = engine("shanghai", "POST", "/task/" + review.getId() + "/identity-links",
				Map.of(kv[0], kv[1], "type", "candidate"));

		assertForbiddenAndUnchanged(reply, filing, before, "identity links unchanged");
		assertThat(engine("applicant", "GET", "/task?processInstanceId=" + filing.processInstanceId(), null).json())
			.as("the applicant sees no review").isEmpty();
	}

	// --- CNIPA beyond its tasks ---

	@Test
	void cnipaCannotFireThePublicityTimerOnDayOne() {
		Filing filing = inPublicity();
		Job timer = publicityTimer(filing);
		InstanceState before = state(filing.processInstanceId());
		Counts counts = counts();

		Reply reply = engine("cnipa", "POST", "/job/" + timer.getId() + "/execute", null);

		assertThat(state(filing.processInstanceId())).as("publicity still running: %s", reply).isEqualTo(before);
		assertThat(counts()).as("nothing registered: %s", reply).isEqualTo(counts);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void cnipaCannotReDateThePublicityTimer() {
		Filing filing = inPublicity();
		Job timer = publicityTimer(filing);
		Date due = timer.getDuedate();

		Reply reply = engine("cnipa", "PUT", "/job/" + timer.getId() + "/duedate",
				Map.of("duedate", "2020-01-01T00:00:00.000+0800"));

		assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getDuedate()).as(reply.toString())
			.isEqualTo(due);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void cnipaCannotMoveAFilingFromPreliminaryReviewToRegistration() {
		Filing filing = atPreliminaryReview();
		InstanceState before = state(filing.processInstanceId());
		Counts counts = counts();

		Reply reply = engine("cnipa", "POST", "/process-instance/" + filing.processInstanceId() + "/modification", Map.of(
				"instructions", List.of(Map.of("type", "cancel", "activityId", "preliminaryReview"),
						Map.of("type", "startBeforeActivity", "activityId", "Task_Registration"))));

		runJobsQuietly(filing.processInstanceId());
		assertThat(registeredWith(filing.uscc())).as("not registered: %s", reply).isZero();
		assertThat(state(filing.processInstanceId())).as("still in preliminaryReview: %s", reply).isEqualTo(before);
		assertThat(counts()).isEqualTo(counts);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void cnipaCannotWriteTheRecommendersDecisionVariable() {
		Filing filing = atPreliminaryReview();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("cnipa", "PUT", "/process-instance/" + filing.processInstanceId() + "/variables/"
				+ RECOMMENDATION, Map.of("value", "RECOMMEND", "type", "String"));

		assertForbiddenAndUnchanged(reply, filing, before, "no variable written");
	}

	@Test
	void cnipaCannotModifyProcessVariablesInBulk() {
		Filing filing = atPreliminaryReview();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("cnipa", "POST", "/process-instance/" + filing.processInstanceId() + "/variables",
				Map.of("modifications", typed(Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "代为推荐", RECOMMENDER_HEAD, "陈处长")),
						"deletions", List.of(ORG_NAME)));

		assertForbiddenAndUnchanged(reply, filing, before, "no variable written or deleted");
	}

	@Test
	void cnipaCannotWriteATaskVariableOutsideCompletingIt() {
		Filing filing = atCnipaReview();
		Task review = openTask(filing, "cnipaReview");
		InstanceState before = state(filing.processInstanceId());

		Reply own = engine("cnipa", "PUT", "/task/" + review.getId() + "/variables/x", Map.of("value", "1", "type", "String"));
		Reply local = engine("cnipa", "PUT", "/task/" + review.getId() + "/localVariables/" + FILING_DECISION,
				Map.of("value", "APPROVE", "type", "String"));

		assertThat(state(filing.processInstanceId())).as("no variable: %s / %s", own, local).isEqualTo(before);
		assertThat(own.status()).as(own.toString()).isEqualTo(403);
		assertThat(local.status()).as(local.toString()).isEqualTo(403);
	}

	@Test
	void cnipaCannotWriteAnExecutionsLocalVariable() {
		Filing filing = atPreliminaryReview();
		Execution execution = runtime.createExecutionQuery().processInstanceId(filing.processInstanceId())
			.activityId("preliminaryReview").singleResult();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("cnipa", "PUT", "/execution/" + execution.getId() + "/localVariables/x",
				Map.of("value", "1", "type", "String"));

		assertForbiddenAndUnchanged(reply, filing, before, "no variable");
	}

	@Test
	void cnipaCannotDeleteAFiling() {
		Filing filing = atPreliminaryReview();
		Counts before = counts();

		Reply reply = engine("cnipa", "DELETE", "/process-instance/" + filing.processInstanceId(), null);

		assertThat(active(filing.processInstanceId())).as(reply.toString()).isTrue();
		assertThat(counts()).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void cnipaCannotCorrelateAnObjectionMessage() {
		Filing filing = inPublicity();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("cnipa", "POST", "/message", Map.of("messageName", MESSAGE_OBJECTION_RAISED,
				"businessKey", filing.applicationNo()));

		assertForbiddenAndUnchanged(reply, filing, before, "no objection task");
	}

	@Test
	void cnipaCannotCorrelateLifecycleMessagesAroundTheApi() {
		Lifecycle outlet = filedOutlet();
		Lifecycle other = filedOutlet();
		InstanceState before = state(outlet.processInstanceId());
		InstanceState otherBefore = state(other.processInstanceId());

		Reply misconduct = engine("cnipa", "POST", "/message", Map.of("messageName", "MisconductFound",
				"businessKey", outlet.filingNo(), "processVariables", typed(Map.of("misconductType", "FALSE_MATERIALS"))));
		Reply rectification = engine("cnipa", "POST", "/message", Map.of("messageName", "RectificationOrdered",
				"businessKey", other.filingNo(), "processVariables", typed(Map.of("rectificationReason", "无"))));

		assertThat(state(outlet.processInstanceId())).as("lifecycle untouched: %s", misconduct).isEqualTo(before);
		assertThat(state(other.processInstanceId())).as("lifecycle untouched: %s", rectification).isEqualTo(otherBefore);
		assertThat(outlets.get(outlet.filingNo()).status().name()).isEqualTo("FILED");
		assertThat(outlets.get(other.filingNo()).status().name()).isEqualTo("FILED");
		assertThat(misconduct.status()).as(misconduct.toString()).isEqualTo(403);
		assertThat(rectification.status()).as(rectification.toString()).isEqualTo(403);
	}

	@Test
	void applicantCannotCorrelateMessages() {
		Filing filing = inPublicity();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("applicant", "POST", "/message", Map.of("messageName", MESSAGE_OBJECTION_RAISED,
				"businessKey", filing.applicationNo(), "all", true));

		assertForbiddenAndUnchanged(reply, filing, before, "nothing changed");
	}

	// --- auditors read, never write ---

	@Test
	void auditorCannotWriteATaskComment() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");

		Reply reply = engine("auditor", "POST", "/task/" + review.getId() + "/comment/create", Map.of("message", "审计意见"));

		assertThat(tasks.getTaskComments(review.getId())).as(reply.toString()).isEmpty();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void auditorCannotAddATaskAttachment() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		String boundary = "----ipoSec" + System.nanoTime();
		StringBuilder body = new StringBuilder();
		for (String[] part : List.of(new String[] { "attachment-name", "钓鱼链接" },
				new String[] { "attachment-description", "请点击" }, new String[] { "attachment-type", "url" },
				new String[] { "url", "https://phishing.example.com" })) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(part[0])
				.append("\"\r\n\r\n").append(part[1]).append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");

		Reply reply = send(request("/engine-rest/task/" + review.getId() + "/attachment/create")
			.header("Authorization", basic("auditor"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));

		assertThat(tasks.getTaskAttachments(review.getId())).as(reply.toString()).isEmpty();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	@Test
	void auditorCannotSetAVariable() {
		Filing filing = atPreliminaryReview();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("auditor", "PUT", "/process-instance/" + filing.processInstanceId() + "/variables/x",
				Map.of("value", "1", "type", "String"));

		assertForbiddenAndUnchanged(reply, filing, before, "nothing changed");
	}

	@Test
	void auditorCannotRetryAJob() {
		Filing filing = submitted("applicant");
		Job eligibility = management.createJobQuery().processInstanceId(filing.processInstanceId()).singleResult();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = engine("auditor", "PUT", "/job/" + eligibility.getId() + "/retries", Map.of("retries", 9));

		assertForbiddenAndUnchanged(reply, filing, before, "nothing changed");
	}

	// --- engine metrics are for administrators ---

	@ParameterizedTest(name = "{0} · GET /engine-rest/metrics/… · 403")
	@ValueSource(strings = { "applicant", "shanghai", "mct", "cnipa", "auditor" })
	void nonAdministratorCannotReadEngineMetrics(String user) {
		for (String path : List.of("/metrics/activity-instance-start/sum", "/metrics?interval=900",
				"/metrics/process-instances/sum")) {
			Reply reply = engine(user, "GET", path, null);
			assertThat(reply.status()).as(path + ": " + reply).isEqualTo(403);
		}
	}

	@Test
	void administratorReadsEngineMetrics() {
		Reply reply = engine("admin", "GET", "/metrics/activity-instance-start/sum", null);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().has("result")).isTrue();
	}

	// --- objections ---

	@Test
	void noObjectionIsAcceptedOnceThePublicityPeriodIsOver() {
		Filing filing = withObjection();
		Job timer = publicityTimer(filing);
		ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
		runJobs(filing);
		assertThat(publicityTimer(filing)).as("the period is over").isNull();
		long open = tasks.createTaskQuery().processInstanceId(filing.processInstanceId()).taskDefinitionKey("handleObjection")
			.count();
		InstanceState before = state(filing.processInstanceId());

		Reply late = api(null, "POST", "/api/filings/" + filing.applicationNo() + "/objections",
				Map.of(OBJECTION, "期满后的异议", OBJECTOR_CONTACT, "13900000000"));

		assertThat(state(filing.processInstanceId())).as("no new objection task: %s", late).isEqualTo(before);
		assertThat(tasks.createTaskQuery().processInstanceId(filing.processInstanceId()).taskDefinitionKey("handleObjection")
			.count()).isEqualTo(open);
		assertThat(late.status()).as(late.toString()).isEqualTo(409);
	}

	@Test
	void objectionWithoutAContactIsRefused() {
		Filing filing = inPublicity();
		InstanceState before = state(filing.processInstanceId());

		Reply reply = api(null, "POST", "/api/filings/" + filing.applicationNo() + "/objections",
				Map.of(OBJECTION, "匿名异议"));
		Reply blank = api(null, "POST", "/api/filings/" + filing.applicationNo() + "/objections",
				Map.of(OBJECTION, "匿名异议", OBJECTOR_CONTACT, "  "));

		assertThat(state(filing.processInstanceId())).as("no objection task: %s / %s", reply, blank).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.fieldRules()).contains(OBJECTOR_CONTACT + ":required");
		assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
	}

	// --- client mistakes are 400, never 500 with internals ---

	@Test
	void deploymentWithoutABodyIs400WithoutInternals() {
		long deployments = repository.createDeploymentQuery().count();

		Reply noBody = send(request("/engine-rest/deployment/create").header("Authorization", basic("admin"))
			.POST(BodyPublishers.noBody()));
		Reply emptyMultipart = send(request("/engine-rest/deployment/create").header("Authorization", basic("admin"))
			.header("Content-Type", "multipart/form-data; boundary=nothing")
			.POST(BodyPublishers.noBody()));

		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(noBody.status()).as(noBody.toString()).isEqualTo(400);
		assertThat(emptyMultipart.status()).as(emptyMultipart.toString()).isEqualTo(400);
		assertNoInternals(noBody);
		assertNoInternals(emptyMultipart);
	}

	@Test
	void malformedJsonVariableIs400WithoutInternals() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());

		Reply asAdmin = engine("admin", "PUT", "/process-instance/" + filing.processInstanceId() + "/variables/x",
				Map.of("value", "{\"unclosed\": [1, 2", "type", "Json"));
		Reply inCompletion = engine("shanghai", "POST", "/task/" + review.getId() + "/complete", Map.of("variables",
				Map.of(RECOMMENDATION, Map.of("value", "{not json", "type", "Json"))));

		assertThat(state(filing.processInstanceId())).as("%s / %s", asAdmin, inCompletion).isEqualTo(before);
		assertThat(asAdmin.status()).as(asAdmin.toString()).isEqualTo(400);
		assertThat(inCompletion.status()).as(inCompletion.toString()).isEqualTo(400);
		assertNoInternals(asAdmin);
		assertNoInternals(inCompletion);
	}

	@Test
	void javaSerializedObjectVariableIs400WithoutInternals() {
		Filing filing = atPreliminaryReview();
		InstanceState before = state(filing.processInstanceId());
		// java.util.ArrayList, empty, Java-serialized and base64-encoded.
		String serialized = "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==";
		Map<String, Object> value = Map.of("value", serialized, "type", "Object", "valueInfo", Map.of(
				"objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/x-java-serialized-object"));

		Reply reply = engine("admin", "PUT", "/process-instance/" + filing.processInstanceId() + "/variables/x", value);

		assertThat(state(filing.processInstanceId())).as(reply.toString()).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertNoInternals(reply);
	}

	// --- helpers ---

	private void assertNotCandidate(Reply reply, Filing filing, InstanceState before) {
		assertThat(state(filing.processInstanceId())).as("assignee, owner and delegation unchanged: %s", reply)
			.isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.fieldRules()).contains("assignee:notCandidate");
	}

	/** A recommender without the right to reassign (403), or with it but not to a non-candidate (400). */
	/** The engine refused the call (403) and the instance is as it was ({@code what} says what must not have changed). */
	private void assertForbiddenAndUnchanged(Reply reply, Filing filing, InstanceState before, String what) {
		assertThat(state(filing.processInstanceId())).as("%s: %s", what, reply).isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
	}

	private void assertNotCandidateOrForbidden(Reply reply, Filing filing, InstanceState before) {
		assertThat(state(filing.processInstanceId())).as("assignee, owner and delegation unchanged: %s", reply)
			.isEqualTo(before);
		assertThat(reply.status()).as(reply.toString()).isIn(400, 403);
		if (reply.status() == 400) {
			assertThat(reply.fieldRules()).contains("assignee:notCandidate");
		}
	}

	@Test
	void administratorCannotAssignAReviewToANonCandidateEither() {
		Filing filing = atPreliminaryReview();
		Task review = openTask(filing, "preliminaryReview");
		InstanceState before = state(filing.processInstanceId());

		Reply assign = engine("admin", "POST", "/task/" + review.getId() + "/assignee", Map.of("userId", "applicant"));
		Reply claim = engine("admin", "POST", "/task/" + review.getId() + "/claim", Map.of("userId", "beijing"));

		assertNotCandidate(assign, filing, before);
		assertNotCandidate(claim, filing, before);
		assertThat(engine("admin", "POST", "/task/" + review.getId() + "/assignee", Map.of("userId", "shanghai")).status())
			.as("a candidate may be assigned").isEqualTo(204);
		assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo("shanghai");
	}

	private long registeredWith(String uscc) {
		return jdbc.queryForObject("select count(*) from outlet where uscc = ?", Long.class, uscc);
	}

	/** When an attack started an instance, runs its jobs as the job executor would, to show what it leads to. */
	private void runJobsOfStartedInstance(Reply reply) {
		if (reply.status() == 200) {
			runJobsQuietly(reply.json().path("id").asText());
		}
	}

	private void runJobsQuietly(String processInstanceId) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				try {
					management.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					return;
				}
			}
		}
	}

}
