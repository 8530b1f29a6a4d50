package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.ipoutlet.filing.FilingFixtures.application;
import static org.ipoutlet.filing.FilingFixtures.newUscc;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.filing.eligibility.IneligibilityReason;
import org.ipoutlet.lifecycle.LifecycleMessages;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.institution.ExemptInstitutions;

/** The filing procedure of Art. 5–8, path by path. */
@ProcessTest
class OutletFilingProcessTest {

	/** Monday 2 March 2026, 09:00 in Beijing: an ordinary working week. */
	static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	OutletRepository outlets;

	@Autowired
	FilingMessages messages;

	@Autowired
	JdbcTemplate jdbc;

	String uscc;

	@BeforeEach
	void setUp() {
		AbstractAssertions.init(engine);
		setClock(MONDAY);
		uscc = newUscc();
	}

	@Test
	void Art7_eligibleApplicationIsRecommendedApprovedPublicizedAndFiled() {
		ProcessInstance pi = submit(application(uscc));
		assertThat(pi.getBusinessKey()).matches("SQ-2026-\\d{6}");
		assertThat(runtime.getVariable(pi.getId(), APPLICATION_NO)).isEqualTo(pi.getBusinessKey());

		runJobs(pi);
		assertThat(pi).isWaitingAt("preliminaryReview");
		assertThat(runtime.getVariable(pi.getId(), ELIGIBLE)).isEqualTo(true);
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("recommender-310000").count())
			.isEqualTo(1);

		recommendAndApprove(pi);
		assertThat(pi).isWaitingAt("Timer_PublicityEnds");
		assertThat(runtime.getVariable(pi.getId(), PUBLICITY_STARTS)).isEqualTo("2026-03-03");
		assertThat(runtime.getVariable(pi.getId(), PUBLICITY_ENDS)).isEqualTo("2026-03-09");

		endPublicity(pi, "2026-03-10T00:00:01+08:00");

		assertThat(pi).isEnded().hasPassed("Task_Registration", "EndEvent_Filed");
		Map<String, Object> vars = historicVariables(pi);
		assertThat(vars).containsEntry(OUTCOME, "FILED")
			.containsEntry(VALID_FROM, "2026-03-10")
			.containsEntry(VALID_UNTIL, "2029-03-09");
		String filingNo = (String) vars.get(FILING_NO);
		assertThat(filingNo).matches("WD-2026-\\d{4}");

		var outlet = outlets.get(filingNo);
		assertThat(outlet.status()).isEqualTo(OutletStatus.FILED);
		assertThat(outlet.uscc()).isEqualTo(uscc);
		assertThat(outlet.details().serviceItems()).containsExactly("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES");
		assertThat(outlet.validUntil()).isEqualTo(LocalDate.parse("2029-03-09"));
		assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("outlet-lifecycle")
			.processInstanceBusinessKey(filingNo).count()).isEqualTo(1);
		assertThat(outcomeRow(pi)).isEqualTo("FILED");
	}

	/**
	 * README "Benchmark": the registration's transaction (filing number, register row, lifecycle) commits
	 * on its own; the final 备案表 is archived by the next job, so no registration waits for another's PDF.
	 */
	@Test
	void Art8_theRegistrationCommitsBeforeTheFinal备案表IsArchivedInItsOwnJob() {
		ProcessInstance pi = submit(application(uscc));
		recommendAndApprove(pi);
		setClock(OffsetDateTime.parse("2026-03-10T00:00:01+08:00"));
		Job publicityEnds = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
		management.executeJob(publicityEnds.getId());
		Job registration = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		management.executeJob(registration.getId());

		String filingNo = (String) runtime.getVariable(pi.getId(), FILING_NO);
		assertThat(outlets.get(filingNo).status()).isEqualTo(OutletStatus.FILED);
		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(filingNo).count()).isEqualTo(1);
		assertThat(archivedForms(pi)).isZero();
		Job archiving = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(management.createJobDefinitionQuery().jobDefinitionId(archiving.getJobDefinitionId()).singleResult())
			.satisfies(d -> {
				assertThat(d.getActivityId()).isEqualTo("Task_Registration");
				assertThat(d.getJobConfiguration()).isEqualTo("async-after");
			});

		management.executeJob(archiving.getId());
		assertThat(pi).isEnded().hasPassed("EndEvent_Filed");
		assertThat(archivedForms(pi)).isEqualTo(1);
	}

	private long archivedForms(ProcessInstance pi) {
		return jdbc.queryForObject("select count(*) from filing_document where application_no = ? and kind = 'FINAL_FORM'",
				Long.class, pi.getBusinessKey());
	}

	@Test
	void Art5_everyFailingReasonIsRecordedNotJustTheFirst() {
		Map<String, Object> app = FilingFixtures.applicationOutsideRegister(uscc);
		app.put(INDEPENDENT_LEGAL_ENTITY, false);
		app.put(STAFF_FULL_TIME, 3);
		app.put(STAFF_PART_TIME, 9);
		app.put(IP_CATEGORIES, JsonValues.json(List.of()));
		app.put(SERVICE_ITEMS, JsonValues.json(List.of("CONSULTATION")));
		app.put(SERVICE_ITEM_LIST, JsonValues.json(FilingFixtures.serviceItemList("CONSULTATION")));

		ProcessInstance pi = submitAndCheck(app);

		assertIneligible(pi, IneligibilityReason.NOT_INDEPENDENT_LEGAL_ENTITY,
				IneligibilityReason.INSUFFICIENT_FULL_TIME_STAFF, IneligibilityReason.NO_IP_CATEGORY,
				IneligibilityReason.MISSING_BASIC_SERVICES, IneligibilityReason.NOT_PROVINCIAL_OUTLET);
	}

	@Test
	void Art5_notAnIndependentLegalEntityIsIneligible() {
		Map<String, Object> app = application(uscc);
		app.put(INDEPENDENT_LEGAL_ENTITY, false);
		assertIneligible(submitAndCheck(app), IneligibilityReason.NOT_INDEPENDENT_LEGAL_ENTITY);
	}

	@Test
	void Art5_fewerThanFiveFullTimeStaffIsIneligible() {
		Map<String, Object> app = application(uscc);
		app.put(STAFF_FULL_TIME, 4);
		app.put(STAFF_PART_TIME, 8);
		assertIneligible(submitAndCheck(app), IneligibilityReason.INSUFFICIENT_FULL_TIME_STAFF);
	}

	@Test
	void Art5_noIpCategoryIsIneligible() {
		Map<String, Object> app = application(uscc);
		app.put(IP_CATEGORIES, JsonValues.json(List.of()));
		assertIneligible(submitAndCheck(app), IneligibilityReason.NO_IP_CATEGORY);
	}

	@Test
	void Art12_missingABasicServiceIsIneligible() {
		Map<String, Object> app = application(uscc);
		app.put(SERVICE_ITEMS, JsonValues.json(List.of("CONSULTATION", "SEARCH", "INDUSTRY_ANALYSIS")));
		app.put(SERVICE_ITEM_LIST, JsonValues.json(FilingFixtures.serviceItemList("CONSULTATION", "SEARCH", "INDUSTRY_ANALYSIS")));
		assertIneligible(submitAndCheck(app), IneligibilityReason.MISSING_BASIC_SERVICES);
	}

	@Test
	void Art7_provincialRouteRequiresAnEntryInTheProvincialRegister() {
		Map<String, Object> app = FilingFixtures.applicationOutsideRegister(uscc);
		assertIneligible(submitAndCheck(app), IneligibilityReason.NOT_PROVINCIAL_OUTLET);
	}

	@Test
	void Art7_aProvincialOutletOfAnotherProvinceIsNotRecommendedByThisOne() {
		TestProvincialRegister.register(uscc, "110000");
		Map<String, Object> app = FilingFixtures.applicationOutsideRegister(uscc);
		assertIneligible(submitAndCheck(app), IneligibilityReason.NOT_PROVINCIAL_OUTLET);
	}

	@Test
	void Art7_industryDepartmentRouteNeedsNoProvincialOutlet() {
		Map<String, Object> app = FilingFixtures.applicationOutsideRegister(uscc);
		app.put(RECOMMENDER_ID, "mct");
		ProcessInstance pi = submitAndCheck(app);
		assertThat(pi).isWaitingAt("preliminaryReview");
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("recommender-mct").count())
			.isEqualTo(1);
	}

	@Test
	void Art18_bannedInstitutionIsIneligibleForThreeYears(@Autowired BannedInstitutions banned) {
		banned.ban(uscc, "某机构", "提供虚假材料", LocalDate.parse("2025-01-10"), LocalDate.parse("2028-01-09"), "test");
		assertIneligible(submitAndCheck(application(uscc)), IneligibilityReason.BANNED);

		setClock(OffsetDateTime.parse("2028-01-10T09:00:00+08:00"));
		ProcessInstance after = submitAndCheck(application(uscc));
		assertThat(after).isWaitingAt("preliminaryReview");
	}

	@Test
	void Art18_misconductFoundInTheLifecycleBarsNewApplicationsForThreeYearsAndNoLonger(
			@Autowired LifecycleMessages lifecycle) {
		ProcessInstance first = submitAndCheck(application(uscc));
		recommendAndApprove(first);
		endPublicity(first, "2026-03-10T00:00:01+08:00");
		String filingNo = (String) historicVariables(first).get(FILING_NO);

		setClock(OffsetDateTime.parse("2026-06-01T10:00:00+08:00"));
		lifecycle.reportMisconduct(filingNo, "FALSE_MATERIALS", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa");
		assertThat(outlets.get(filingNo).status()).isEqualTo(OutletStatus.REVOKED);

		setClock(OffsetDateTime.parse("2029-05-31T16:00:00+08:00"));
		assertIneligible(submitAndCheck(application(uscc)), IneligibilityReason.BANNED);

		setClock(OffsetDateTime.parse("2029-06-01T09:00:00+08:00"));
		assertThat(submitAndCheck(application(uscc))).isWaitingAt("preliminaryReview");
	}

	@Test
	void Art18_falseMaterialsFoundInReviewBanTheInstitutionForThreeYears(@Autowired BannedInstitutions banned) {
		ProcessInstance pi = submitAndCheck(application(uscc));
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "REJECT", CNIPA_OPINION, "典型案例系伪造", CNIPA_HEAD, "刘司长", FALSE_MATERIALS, true));
		runJobs(pi);

		assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
		assertThat(banned.isBanned(uscc, LocalDate.parse("2029-03-01"))).isTrue();
		assertThat(banned.isBanned(uscc, LocalDate.parse("2029-03-02"))).isFalse();
		assertIneligible(submitAndCheck(application(uscc)), IneligibilityReason.BANNED);
	}

	@Test
	void Art18_aRefusalWithoutFalseMaterialsBansNobody(@Autowired BannedInstitutions banned) {
		ProcessInstance pi = submitAndCheck(application(uscc));
		recommendAndApprove(pi);
		messages.raiseObjection(pi.getBusinessKey(), "场地不符合要求", "某人 13900000000");
		tasks.complete(task(pi, "handleObjection").getId(),
				Map.of(OBJECTION_UPHELD, "true", OBJECTION_FINDING, "场地确不符合要求", CNIPA_HEAD, "刘司长", FALSE_MATERIALS, false));
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_ObjectionUpheldOutcome");
		assertThat(banned.isBanned(uscc, LocalDate.parse("2026-03-05"))).isFalse();
	}

	@Test
	void Art18_falseMaterialsMayOnlyBeFoundWithARefusal() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		Task review = task(pi, "cnipaReview");
		assertThatThrownBy(() -> tasks.complete(review.getId(),
				Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予", CNIPA_HEAD, "刘司长", FALSE_MATERIALS, true)))
			.rootCause()
			.isInstanceOfSatisfying(SubmissionRejectedException.class,
					e -> assertThat(e.errors()).extracting(err -> err.field() + ":" + err.rule())
						.containsExactly("falseMaterials:onlyWithRefusal"));
		assertThat(task(pi, "cnipaReview")).isNotNull();
	}

	@Test
	void Art4_aProvincialOfficeRecommendsOnlyInstitutionsOfItsProvince() {
		Map<String, Object> elsewhere = application(uscc);
		elsewhere.put(RECOMMENDER_ID, "110000");
		assertThatThrownBy(() -> submit(elsewhere)).isInstanceOfSatisfying(SubmissionRejectedException.class,
				e -> assertThat(e.errors()).extracting(err -> err.field() + ":" + err.rule())
					.containsExactly("recommenderId:jurisdiction"));

		Map<String, Object> xinjiang = application(uscc);
		TestProvincialRegister.register(uscc, "xpcc");
		xinjiang.put(PROVINCE, "650000");
		xinjiang.put(RECOMMENDER_ID, "xpcc");
		ProcessInstance pi = submitAndCheck(xinjiang);
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("recommender-xpcc").count())
			.isEqualTo(1);
	}

	@Test
	void Art19_exemptInstitutionIsIneligible(@Autowired ExemptInstitutions exempt) {
		exempt.add(uscc, "某技术与创新支持中心", ExemptInstitutions.Exemption.TISC, "test");
		assertIneligible(submitAndCheck(application(uscc)), IneligibilityReason.EXEMPT_INSTITUTION);
	}

	@Test
	void Art9_alreadyFiledInstitutionIsIneligible() {
		ProcessInstance first = submit(application(uscc));
		runJobs(first);
		recommendAndApprove(first);
		endPublicity(first, "2026-03-10T00:00:01+08:00");
		assertThat(first).isEnded();

		assertIneligible(submitAndCheck(application(uscc)), IneligibilityReason.ALREADY_FILED);
	}

	@Test
	void Art7_secondApplicationWhileOneIsPendingIsIneligible() {
		ProcessInstance first = submitAndCheck(application(uscc));
		assertThat(first).isWaitingAt("preliminaryReview");

		assertIneligible(submitAndCheck(application(uscc)), IneligibilityReason.APPLICATION_PENDING);
		assertThat(first).isWaitingAt("preliminaryReview");
	}

	@Test
	void Art7_notRecommendedEndsTheApplication() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "NOT_RECOMMEND", RECOMMENDER_OPINION, "服务能力不足", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_NotRecommended");
		assertThat(historicVariables(pi)).containsEntry(OUTCOME, "NOT_RECOMMENDED");
		assertThat(outcomeRow(pi)).isEqualTo("NOT_RECOMMENDED");
	}

	@Test
	void Art7_returnedSupplementedAndFiled() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RETURN", RECOMMENDER_OPINION, "请补充典型案例", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		assertThat(pi).isWaitingAt("supplementMaterials");
		Task supplement = task(pi, "supplementMaterials");
		assertThat(supplement.getAssignee()).isEqualTo("applicant");
		assertThat(runtime.getVariable(pi.getId(), SUPPLEMENT_DEADLINE)).isEqualTo("2026-04-01");
		assertThat(supplement.getDueDate()).isEqualTo(date("2026-04-02T00:00:00+08:00"));

		Map<String, Object> corrected = application(uscc);
		corrected.put(TYPICAL_CASES, JsonValues.json(List.of(
				Map.of("name", "案例一", "period", "2024年", "content", "专利导航"),
				Map.of("name", "案例二", "period", "2025年", "content", "中小企业专利托管"))));
		tasks.complete(supplement.getId(), corrected);
		runJobs(pi);

		assertThat(pi).isWaitingAt("preliminaryReview");
		assertThat(task(pi, "preliminaryReview")).isNotNull();
		assertThat(runtime.getVariable(pi.getId(), RECOMMENDATION)).as("the earlier decision is cleared").isNull();
		recommendAndApprove(pi);
		endPublicity(pi, "2026-03-10T00:00:01+08:00");
		assertThat(pi).isEnded().hasPassed("supplementMaterials", "EndEvent_Filed");
	}

	@Test
	void Art7_returnedAndWithdrawnWhenTheSupplementDeadlinePasses() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RETURN", RECOMMENDER_OPINION, "材料不全", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		assertThat(pi).isWaitingAt("supplementMaterials");

		setClock(OffsetDateTime.parse("2026-04-01T23:59:00+08:00"));
		runJobs(pi);
		assertThat(pi).as("the last day still counts").isWaitingAt("supplementMaterials");

		setClock(OffsetDateTime.parse("2026-04-02T00:00:01+08:00"));
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_Withdrawn");
		assertThat(historicVariables(pi)).containsEntry(OUTCOME, "WITHDRAWN");
		assertThat(outcomeRow(pi)).isEqualTo("WITHDRAWN");
	}

	@Test
	void Art7_rejectedByCnipa() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "REJECT", CNIPA_OPINION, "不符合条件", CNIPA_HEAD, "刘司长"));
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_Rejected");
		assertThat(historicVariables(pi)).containsEntry(OUTCOME, "REJECTED");
		assertThat(outlets.findActiveByUscc(uscc)).isEmpty();
	}

	@Test
	void Art7_objectionUpheldDuringPublicityEndsWithoutFiling() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		recommendAndApprove(pi);
		messages.raiseObjection(pi.getBusinessKey(), "该机构专职人员数量不实", "举报人 13800000000");
		Task objection = task(pi, "handleObjection");
		assertThat(tasks.getVariableLocal(objection.getId(), OBJECTION)).isNull();
		assertThat(runtime.getVariable(objection.getExecutionId(), OBJECTION)).isEqualTo("该机构专职人员数量不实");

		tasks.complete(objection.getId(), Map.of(OBJECTION_UPHELD, "true", OBJECTION_FINDING, "经核查异议属实", CNIPA_HEAD, "刘司长"));
		runJobs(pi);

		assertThat(pi).isEnded().hasPassed("EndEvent_ObjectionUpheldOutcome").hasNotPassed("Task_Registration");
		assertThat(historicVariables(pi)).containsEntry(OUTCOME, "OBJECTION_UPHELD").containsEntry(OBJECTION_UPHELD, true);
		assertThat(outlets.findActiveByUscc(uscc)).isEmpty();
	}

	@Test
	void Art7_objectionDismissedAndFiledAfterPublicity() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		recommendAndApprove(pi);
		messages.raiseObjection(pi.getBusinessKey(), "怀疑案例不实", "匿名 010-12345678");
		messages.raiseObjection(pi.getBusinessKey(), "第二项异议", "某公司 021-88888888");
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleObjection").count())
			.isEqualTo(2);

		List<Task> objections = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("handleObjection").list();
		tasks.complete(objections.get(0).getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查不成立", CNIPA_HEAD, "刘司长"));
		runJobs(pi);

		setClock(OffsetDateTime.parse("2026-03-10T00:00:01+08:00"));
		runJobs(pi);
		assertThat(pi).as("publicity is over, but an objection is still being checked").isWaitingAt("handleObjection");

		tasks.complete(objections.get(1).getId(), Map.of(OBJECTION_UPHELD, "false", OBJECTION_FINDING, "不成立", CNIPA_HEAD, "刘司长"));
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_Filed");
		assertThat(outlets.findActiveByUscc(uscc)).hasSize(1);
	}

	@Test
	void Art7_objectionOutsidePublicityIsRefused() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		assertThatThrownBy(() -> messages.raiseObjection(pi.getBusinessKey(), "异议", "联系人"))
			.isInstanceOf(FilingMessages.NotInPublicityException.class)
			.hasMessageContaining("not in publicity");
	}

	@Test
	void Art7_publicitySpanningTheSpringFestivalCountsOnlyWorkingDays() {
		setClock(OffsetDateTime.parse("2026-02-12T10:00:00+08:00"));
		ProcessInstance pi = submitAndCheck(application(uscc));
		recommendAndApprove(pi);
		assertThat(runtime.getVariable(pi.getId(), PUBLICITY_STARTS)).isEqualTo("2026-02-13");
		assertThat(runtime.getVariable(pi.getId(), PUBLICITY_ENDS)).as("13, 14 (adjusted), 24, 25, 26 February")
			.isEqualTo("2026-02-26");

		setClock(OffsetDateTime.parse("2026-02-26T23:59:00+08:00"));
		runJobs(pi);
		assertThat(pi).isWaitingAt("Timer_PublicityEnds");

		setClock(OffsetDateTime.parse("2026-02-27T00:00:01+08:00"));
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_Filed");
		assertThat(historicVariables(pi)).containsEntry(VALID_FROM, "2026-02-27").containsEntry(VALID_UNTIL, "2029-02-26");
	}

	@Test
	void invalidSubmissionIsRefusedAndLeavesNothingBehind() {
		Map<String, Object> app = application(uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
		app.put(EMAIL, "not-an-email");
		app.put(STAFF_TOTAL, 99);
		app.put(DECLARATION_TRUTHFUL, false);
		long instances = runtime.createProcessInstanceQuery().count();
		long historic = history.createHistoricProcessInstanceQuery().count();
		long jobs = management.createJobQuery().count();
		Integer rows = jdbc.queryForObject("select count(*) from filing_application", Integer.class);

		assertThatThrownBy(() -> submit(app)).isInstanceOfSatisfying(SubmissionRejectedException.class,
				e -> assertThat(e.errors()).extracting(err -> err.field() + ":" + err.rule())
					.containsExactlyInAnyOrder("uscc:checkCharacter", "email:email", "staffTotal:staffSum",
							"declarationTruthful:assertTrue"))
			.hasMessageContaining("统一社会信用代码");

		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
		assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(historic);
		assertThat(management.createJobQuery().count()).isEqualTo(jobs);
		assertThat(jdbc.queryForObject("select count(*) from filing_application", Integer.class)).isEqualTo(rows);
	}

	@Test
	void Art6_attachedDocumentsAreCheckedAsFilesByTheEngine() {
		Map<String, Object> app = application(uscc);
		app.put(WORK_RULES, Variables.fileValue("工作制度.pdf").file(org.ipoutlet.document.TestDocuments.PDF).create());
		ProcessInstance pi = submitAndCheck(app);
		assertThat(pi).isWaitingAt("preliminaryReview");
		assertThat(runtime.<FileValue>getVariableTyped(pi.getId(), WORK_RULES).getFilename()).isEqualTo("工作制度.pdf");

		Map<String, Object> wrongType = application(newUscc());
		wrongType.put(SEALED_FORM, Variables.fileValue("备案表.exe").file(new byte[] { 77, 90 }).create());
		assertThatThrownBy(() -> submit(wrongType)).isInstanceOfSatisfying(SubmissionRejectedException.class,
				e -> assertThat(e.errors()).extracting(err -> err.field() + ":" + err.rule())
					.containsExactly("sealedForm:fileType"));
	}

	@Test
	void reviewerDecisionIsValidatedAndARefusedCompletionLeavesTheTaskOpen() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		Task review = task(pi, "preliminaryReview");

		assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of(RECOMMENDATION, "MAYBE")))
			.rootCause()
			.isInstanceOfSatisfying(SubmissionRejectedException.class,
					e -> assertThat(e.errors()).extracting(err -> err.field() + ":" + err.rule())
						.containsExactlyInAnyOrder("recommendation:enum", "recommenderOpinion:required",
								"recommenderHead:required"));

		assertThat(task(pi, "preliminaryReview")).isNotNull();
		assertThat(runtime.getVariable(pi.getId(), RECOMMENDATION)).isNull();
		assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	@Test
	void failingRegistrationLeavesAnIncidentAndKeepsTheReviewersDecision() {
		ProcessInstance pi = submitAndCheck(application(uscc));
		recommendAndApprove(pi);
		// Block the registration: a register row already holds the filing number it will draw.
		String blocking = "WD-2026-" + String.format("%04d", nextFilingSequence());
		outlets.insert(Outlet.file(blocking, "SQ-TEST", newUscc(), new OutletDetails("占位机构", "MUSEUM", null, "310000",
				"上海", null, null, "甲", "乙", "021-64000000", "a@example.cn", null, List.of(), List.of()), "310000",
				null, LocalDate.parse("2026-03-10"), LocalDate.parse("2029-03-09"), Instant.now()));
		setClock(OffsetDateTime.parse("2026-03-10T00:00:01+08:00"));
		Job publicityTimer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
		management.executeJob(publicityTimer.getId());
		String firstAttempt = management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId();
		assertThatThrownBy(() -> management.executeJob(firstAttempt)).isInstanceOf(RuntimeException.class);

		Job registration = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		assertThat(registration.getRetries()).as("the failure is retried").isEqualTo(2);
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).taskDefinitionKey("cnipaReview")
			.finished().count()).as("the CNIPA decision is kept").isEqualTo(1);
		String jobId = registration.getId();
		management.setJobRetries(jobId, 1);
		assertThatThrownBy(() -> management.executeJob(jobId)).isInstanceOf(RuntimeException.class);
		assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
		assertThat(pi).isWaitingAt("Task_Registration");

		// The administrator removes the cause and retries the job, as Cockpit does.
		jdbc.update("delete from outlet where filing_no = ?", blocking);
		management.setJobRetries(jobId, 1);
		management.executeJob(jobId);
		runJobs(pi);
		assertThat(pi).isEnded().hasPassed("EndEvent_Filed");
		assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
	}

	// --- helpers ---

	private ProcessInstance submit(Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey(OUTLET_FILING, variables);
	}

	/** Submits and runs the eligibility check. */
	private ProcessInstance submitAndCheck(Map<String, Object> variables) {
		ProcessInstance pi = submit(variables);
		runJobs(pi);
		return pi;
	}

	private void recommendAndApprove(ProcessInstance pi) {
		runJobs(pi);
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
		runJobs(pi);
		assertThat(pi).isWaitingAt("cnipaReview");
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "符合备案条件，予以公示", CNIPA_HEAD, "刘司长"));
		runJobs(pi);
	}

	private void endPublicity(ProcessInstance pi, String after) {
		setClock(OffsetDateTime.parse(after));
		runJobs(pi);
	}

	private void assertIneligible(ProcessInstance pi, IneligibilityReason... reasons) {
		assertThat(pi).isEnded().hasPassed("EndEvent_Ineligible");
		Map<String, Object> vars = historicVariables(pi);
		assertThat(vars).containsEntry(ELIGIBLE, false).containsEntry(OUTCOME, "INELIGIBLE");
		assertThat(JsonValues.codes(vars.get(INELIGIBILITY_REASONS)))
			.containsExactly(java.util.Arrays.stream(reasons).map(Enum::name).toArray(String[]::new));
		assertThat(outcomeRow(pi)).isEqualTo("INELIGIBLE");
	}

	private void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
		tasks.complete(task(pi, taskKey).getId(), new HashMap<>(variables));
	}

	private Task task(ProcessInstance pi, String taskKey) {
		return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
	}

	private void runJobs(ProcessInstance pi) {
		Jobs.runDue(management, pi.getId());
	}

	private Map<String, Object> historicVariables(ProcessInstance pi) {
		Map<String, Object> vars = new HashMap<>();
		history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
			.forEach(v -> vars.put(v.getName(), v.getValue()));
		return vars;
	}

	private String outcomeRow(ProcessInstance pi) {
		return jdbc.queryForObject("select outcome from filing_application where application_no = ?", String.class,
				pi.getBusinessKey());
	}

	private int nextFilingSequence() {
		List<Integer> next = jdbc.queryForList(
				"select next_value from number_sequence where name = 'filing' and seq_year = 2026", Integer.class);
		return next.isEmpty() ? 1 : next.get(0);
	}

	private static Date date(String iso) {
		return Date.from(OffsetDateTime.parse(iso).toInstant());
	}

	private static void setClock(OffsetDateTime time) {
		ClockUtil.setCurrentTime(Date.from(time.toInstant()));
	}

}
