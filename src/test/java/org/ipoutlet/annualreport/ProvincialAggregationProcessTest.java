package org.ipoutlet.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.annualreport.AnnualReports.AggregateState;
import org.ipoutlet.annualreport.AnnualReports.Figure;
import org.ipoutlet.annualreport.AnnualReports.NationalOverview;
import org.ipoutlet.annualreport.AnnualReports.OutletLine;
import org.ipoutlet.annualreport.AnnualReports.ProvinceOverview;
import org.ipoutlet.annualreport.AnnualSummaries.Status;
import org.ipoutlet.annualreport.TerritoryAccess.NoticeKind;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Art. 17 (经推荐部门审核后，由所在地省级知识产权局汇总报送国家知识产权局公共服务司) and Art. 4, 15: the
 * recommender reviews each summary in the outlet's lifecycle, the office of the province where the
 * outlet sits aggregates all outlets of its province, CNIPA acknowledges every aggregate and reads
 * the national overview; the office reads the lifecycle of outlets an industry department recommended
 * in its province, without any task right, and a move hands the outlet to the new province's office.
 * The clock moves through the lifecycle's timers (1 January, 31 January) as in the lifecycle tests.
 */
@ProcessTest
class ProvincialAggregationProcessTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String JIANGSU = "320000";
	static final String SHANGHAI_OFFICE = "310000";

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	OutletRepository outlets;

	@Autowired
	AnnualSummaries summaries;

	@Autowired
	AnnualReports reports;

	@Autowired
	TerritoryAccess territory;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	Territories territories;

	@Test
	void Art17_provinceAggregatesItsOwnAndAnIndustryDepartmentsOutlet_cnipaSeesBothAndTheMissingOne() {
		// Three outlets in Jiangsu, filed in 2071: one recommended by the province, one by MCT, one by MOE.
		Filed own = file(LocalDate.of(2071, 3, 1), JIANGSU, JIANGSU, "江苏省属网点");
		Filed mct = file(LocalDate.of(2071, 3, 1), "mct", JIANGSU, "文旅部推荐的江苏网点");
		Filed moe = file(LocalDate.of(2071, 3, 1), "moe", JIANGSU, "教育部推荐的江苏网点");
		List<Filed> all = List.of(own, mct, moe);

		// 1 January 2072: every outlet's 2071 summary opens; two submit, their recommenders review them.
		advanceTo(all, LocalDateTime.of(2072, 1, 5, 10, 0));
		submitSummary(own);
		submitSummary(mct);
		// The recommender reviews (unchanged): MCT reviews its outlet, the province its own.
		Task mctReview = task(mct, TaskKeys.REVIEW_ANNUAL_SUMMARY);
		assertThat(candidateGroups(mctReview)).containsExactly("recommender-mct");
		reviewSummary(own, true);
		reviewSummary(mct, true);
		// MOE's outlet sends nothing: on 1 February its 2071 summary is missing.
		advanceTo(all, LocalDateTime.of(2072, 2, 1, 0, 30));
		assertThat(summaries.find(moe.filingNo(), 2071)).get().extracting(s -> s.status()).isEqualTo(Status.MISSING);

		ProcessInstance report = reports.start(2072);
		List<Task> aggregations = taskService.createTaskQuery()
			.processInstanceId(report.getId())
			.taskDefinitionKey(TaskKeys.AGGREGATE_ANNUAL_REPORT)
			.list();
		// The industry departments get no aggregation task; Jiangsu's office gets one covering all three.
		assertThat(aggregations).flatExtracting(this::candidateGroups)
			.contains("recommender-" + JIANGSU)
			.doesNotContain("recommender-mct", "recommender-moe");
		Task jiangsu = only(report, "recommender-" + JIANGSU);
		assertThat(taskService.getVariable(jiangsu.getId(), "recommenderName")).isEqualTo("江苏省知识产权局");
		assertThat(taskService.getVariable(jiangsu.getId(), "outletCount")).isEqualTo(3);
		assertThat(taskService.getVariable(jiangsu.getId(), "compliantCount")).isEqualTo(2);
		assertThat(taskService.getVariable(jiangsu.getId(), "missingCount")).isEqualTo(1);
		assertThat((String) taskService.getVariable(jiangsu.getId(), "summaryOverview"))
			.contains(own.filingNo() + " 江苏省属网点：审核通过")
			.contains(mct.filingNo() + " 文旅部推荐的江苏网点：审核通过")
			.contains(moe.filingNo() + " 教育部推荐的江苏网点：逾期未报送");

		// Before Jiangsu sends it, CNIPA's overview shows today's figures as pending.
		ProvinceOverview pending = province(reports.national(2072), JIANGSU);
		assertThat(pending.state()).isEqualTo(AggregateState.PENDING);
		assertThat(pending.overview().outlets()).extracting(OutletLine::filingNo)
			.containsExactlyInAnyOrder(own.filingNo(), mct.filingNo(), moe.filingNo());

		as("js-office", "recommender-" + JIANGSU,
				() -> taskService.complete(jiangsu.getId(), Map.of("aggregateRemarks", "江苏：3家网点，1家逾期未报送。")));
		runJobs(report);

		// CNIPA 公共服务司 receives it: a task to acknowledge, in its Chinese form.
		Task acknowledge = taskService.createTaskQuery()
			.processInstanceId(report.getId())
			.taskDefinitionKey(TaskKeys.ACKNOWLEDGE_ANNUAL_REPORT)
			.taskCandidateGroup("cnipa-reviewers")
			.list()
			.stream()
			.filter(t -> JIANGSU.equals(taskService.getVariable(t.getId(), "recommenderId")))
			.findFirst()
			.orElseThrow();
		assertThat(acknowledge.getName()).isEqualTo("确认收到省级汇总");
		assertThat(taskService.getVariable(acknowledge.getId(), "aggregateRemarks")).isEqualTo("江苏：3家网点，1家逾期未报送。");
		assertThat(province(reports.national(2072), JIANGSU).state()).isEqualTo(AggregateState.SUBMITTED);
		// The acknowledgement needs CNIPA's remarks; a recommender cannot see it.
		assertThatThrownBy(() -> taskService.complete(acknowledge.getId(), Map.of("acknowledgeRemarks", " ")))
			.hasMessageContaining("acknowledgeRemarks");
		assertThat(as("js-office", "recommender-" + JIANGSU,
				() -> taskService.createTaskQuery().taskId(acknowledge.getId()).count())).isZero();
		as("cnipa-user", "cnipa-reviewers",
				() -> taskService.complete(acknowledge.getId(), Map.of("acknowledgeRemarks", "已收悉，请督促逾期网点整改。")));
		runJobs(report);

		ProvinceOverview js = province(reports.national(2072), JIANGSU);
		assertThat(js.state()).isEqualTo(AggregateState.ACKNOWLEDGED);
		assertThat(js.aggregate()).get().satisfies(a -> {
			assertThat(a.submittedBy()).isEqualTo("js-office");
			assertThat(a.acknowledgedBy()).isEqualTo("cnipa-user");
			assertThat(a.acknowledgeRemarks()).isEqualTo("已收悉，请督促逾期网点整改。");
			assertThat(a.outletCount()).isEqualTo(3);
			assertThat(a.submittedCount()).isEqualTo(2);
			assertThat(a.compliantCount()).isEqualTo(2);
			assertThat(a.missingCount()).isEqualTo(1);
		});
		assertThat(js.overview().of(Figure.COMPLIANT)).extracting(OutletLine::filingNo)
			.containsExactlyInAnyOrder(own.filingNo(), mct.filingNo());
		assertThat(js.overview().of(Figure.MISSING)).extracting(OutletLine::filingNo).containsExactly(moe.filingNo());
		assertThat(js.overview().of(Figure.COMPLIANT)).extracting(OutletLine::recommenderId)
			.containsExactlyInAnyOrder(JIANGSU, "mct");
		// Neither MCT nor MOE appears as an aggregating office.
		assertThat(reports.national(2072).provinces()).extracting(ProvinceOverview::officeId)
			.doesNotContain("mct", "moe");
	}

	@Test
	void Art4_15_provincialOfficeReadsItsTerritorysLifecycleButWorksNoneOfItsTasks() {
		Filed mct = file(LocalDate.of(2075, 3, 1), "mct", JIANGSU, "文旅部推荐的江苏网点");
		advanceTo(List.of(mct), LocalDateTime.of(2076, 1, 5, 10, 0));
		Task submit = task(mct, TaskKeys.SUBMIT_ANNUAL_SUMMARY);
		assertThat(submit).isNotNull();
		submitSummary(mct);
		Task review = task(mct, TaskKeys.REVIEW_ANNUAL_SUMMARY);

		// Jiangsu's office reads the instance and its history (variables, activities) ...
		assertThat(as("js-office", "recommender-" + JIANGSU, () -> runtimeService.createProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isEqualTo(1);
		assertThat(as("js-office", "recommender-" + JIANGSU, () -> historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isEqualTo(1);
		assertThat(as("js-office", "recommender-" + JIANGSU, () -> historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(mct.id())
			.variableName("annualSummary")
			.count())).isEqualTo(1);
		assertThat(as("js-office", "recommender-" + JIANGSU, () -> historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(mct.id())
			.activityId(TaskKeys.SUBMIT_ANNUAL_SUMMARY)
			.count())).isEqualTo(1);
		// ... but neither sees nor works MCT's review (the industry department decides it).
		assertThat(as("js-office", "recommender-" + JIANGSU,
				() -> taskService.createTaskQuery().processInstanceId(mct.id()).count())).isZero();
		assertThat(candidateGroups(review)).containsExactly("recommender-mct");
		assertThatThrownBy(() -> as("js-office", "recommender-" + JIANGSU, () -> {
			taskService.claim(review.getId(), "js-office");
			return null;
		})).isNotNull();
		assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
		// Another province's office reads nothing of it.
		assertThat(as("bj-office", "recommender-110000", () -> historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isZero();
		assertThat(as("bj-office", "recommender-110000", () -> runtimeService.createProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isZero();

		// A change of the register entry of an outlet in its territory is a notice to the office.
		Outlet o = outlets.get(mct.filingNo());
		o.applyChange(withAddressAndProvince(o.details(), "南京市新址路2号", JIANGSU), Instant.now());
		outlets.update(o);
		assertThat(territory.notices(JIANGSU)).filteredOn(n -> n.filingNo().equals(mct.filingNo()))
			.singleElement()
			.satisfies(n -> {
				assertThat(n.kind()).isEqualTo(NoticeKind.CHANGED);
				assertThat(n.text()).contains("地址").contains("南京市新址路2号");
			});

		// So is a change of the head's title alone (Art. 10: 主要负责人及职务).
		Outlet again = outlets.get(mct.filingNo());
		again.applyChange(again.details(), "院长", again.recommenderId(), Instant.now());
		outlets.update(again);
		assertThat(territory.notices(JIANGSU)).filteredOn(n -> n.filingNo().equals(mct.filingNo()))
			.hasSize(2)
			.first()
			.satisfies(n -> {
				assertThat(n.kind()).isEqualTo(NoticeKind.CHANGED);
				assertThat(n.text()).contains("主要负责人职务").contains("院长");
			});
	}

	@Test
	void Art4_15_aGrantMissingAtStartUpIsAddedOnceAndAnIntactOneLeftAlone() {
		Filed mct = file(LocalDate.of(2075, 3, 1), "mct", JIANGSU, "文旅部推荐的江苏网点（授权修复）");
		String group = "recommender-" + JIANGSU;
		assertThat(officeGrants(group, mct.id())).isEqualTo(2);
		// A database from before the territory grants, or an administrator who deleted them.
		authorizationService.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceId(mct.id())
			.list()
			.forEach(a -> authorizationService.deleteAuthorization(a.getId()));
		assertThat(as("js-office", group, () -> historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isZero();
		long allGrants = authorizationService.createAuthorizationQuery().count();

		territory.grantExisting();

		assertThat(officeGrants(group, mct.id())).isEqualTo(2);
		assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(allGrants + 2);
		assertThat(as("js-office", group, () -> historyService.createHistoricProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isEqualTo(1);
		assertThat(as("js-office", group, () -> runtimeService.createProcessInstanceQuery()
			.processInstanceId(mct.id())
			.count())).isEqualTo(1);

		// The next start-up finds every grant in place and adds none.
		territory.grantExisting();
		assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(allGrants + 2);
	}

	private long officeGrants(String group, String processInstanceId) {
		return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceId(processInstanceId).count();
	}

	@Test
	void Art10_17_anOutletThatMovesIsSeenAndAggregatedByTheNewProvinceNextJanuary() {
		Filed mover = file(LocalDate.of(2081, 3, 1), "mct", SHANGHAI_OFFICE, "迁址网点");
		assertThat(territories.officeOf(outlets.get(mover.filingNo()))).isEqualTo(SHANGHAI_OFFICE);
		assertThat(readableBy(SHANGHAI_OFFICE, mover)).isTrue();
		assertThat(readableBy(JIANGSU, mover)).isFalse();

		// Summer 2081: the move to Jiangsu is recorded in the register (the change report's last step).
		advanceTo(List.of(mover), LocalDateTime.of(2081, 7, 1, 10, 0));
		Outlet o = outlets.get(mover.filingNo());
		o.applyChange(withAddressAndProvince(o.details(), "苏州市迁入路8号", JIANGSU), ClockUtil.getCurrentTime().toInstant());
		outlets.update(o);

		assertThat(territories.officeOf(outlets.get(mover.filingNo()))).isEqualTo(JIANGSU);
		assertThat(readableBy(JIANGSU, mover)).isTrue();
		assertThat(readableBy(SHANGHAI_OFFICE, mover)).isFalse();
		assertThat(territory.notices(JIANGSU)).filteredOn(n -> n.filingNo().equals(mover.filingNo()))
			.extracting(TerritoryAccess.Notice::kind)
			.containsExactly(NoticeKind.MOVED_IN);
		assertThat(territory.notices(SHANGHAI_OFFICE)).filteredOn(n -> n.filingNo().equals(mover.filingNo()))
			.extracting(TerritoryAccess.Notice::kind)
			.containsExactly(NoticeKind.MOVED_OUT);

		// Next January: the summary is reviewed by its recommender and aggregated by Jiangsu, not Shanghai.
		advanceTo(List.of(mover), LocalDateTime.of(2082, 1, 5, 10, 0));
		submitSummary(mover);
		reviewSummary(mover, true);
		advanceTo(List.of(mover), LocalDateTime.of(2082, 2, 1, 0, 30));
		ProcessInstance report = reports.start(2082);
		Task jiangsu = only(report, "recommender-" + JIANGSU);
		assertThat((String) taskService.getVariable(jiangsu.getId(), "summaryOverview"))
			.contains(mover.filingNo() + " 迁址网点：审核通过");
		taskService.createTaskQuery()
			.processInstanceId(report.getId())
			.taskCandidateGroup("recommender-" + SHANGHAI_OFFICE)
			.list()
			.forEach(t -> assertThat((String) taskService.getVariable(t.getId(), "summaryOverview"))
				.doesNotContain(mover.filingNo()));
		assertThat(province(reports.national(2082), JIANGSU).overview().outlets()).extracting(OutletLine::filingNo)
			.contains(mover.filingNo());
	}

	@Test
	void Art4_xpccAggregatesItsOwnOutletsAndXinjiangsOfficeTheOthersInXinjiang() {
		Filed xpcc = file(LocalDate.of(2091, 3, 1), "xpcc", "650000", "兵团网点");
		Filed moe = file(LocalDate.of(2091, 3, 1), "moe", "650000", "教育部推荐的新疆网点");
		assertThat(territories.officeOf(outlets.get(xpcc.filingNo()))).isEqualTo("xpcc");
		assertThat(territories.officeOf(outlets.get(moe.filingNo()))).isEqualTo("650000");
		assertThat(reports.officesWithOutlets(2091)).contains("xpcc", "650000").doesNotContain("moe");
		assertThat(reports.overview("xpcc", 2091).outlets()).extracting(OutletLine::filingNo)
			.containsExactly(xpcc.filingNo());
		assertThat(reports.overview("650000", 2091).outlets()).extracting(OutletLine::filingNo)
			.containsExactly(moe.filingNo());
		assertThat(readableBy("xpcc", xpcc)).isTrue();
		assertThat(readableBy("650000", xpcc)).isFalse();
		assertThat(readableBy("650000", moe)).isTrue();
	}

	// ---------------------------------------------------------------------------------------------

	record Filed(String filingNo, ProcessInstance instance) {

		String id() {
			return instance.getId();
		}
	}

	/** A filed outlet with its lifecycle started the way the filing's registration starts it. */
	private Filed file(LocalDate validFrom, String recommenderId, String province, String name) {
		setNow(validFrom.atTime(10, 0));
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "PA" + validFrom.getYear() + "-" + unique.substring(0, 8);
		String uscc = "91" + unique.substring(0, 16);
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails(name, "UNIVERSITY", "事业单位", province, "某市某路1号", null, null,
				"张三", "李四", "010-12345678", "contact@example.org", "企业", List.of("CONSULTATION", "SEARCH", "TRAINING"),
				List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, uscc, details, recommenderId, "outlet-" + filingNo,
				validFrom, validUntil, ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>();
		vars.put("filingNo", filingNo);
		vars.put("applicationNo", "APP-" + filingNo);
		vars.put("uscc", uscc);
		vars.put("orgName", name);
		vars.put("recommenderId", recommenderId);
		vars.put("province", province);
		vars.put("outletUser", "outlet-" + filingNo);
		vars.put("validFrom", validFrom.toString());
		vars.put("validUntil", validUntil.toString());
		return new Filed(filingNo, runtimeService.startProcessInstanceByKey(OUTLET_LIFECYCLE, filingNo, vars));
	}

	private static OutletDetails withAddressAndProvince(OutletDetails d, String address, String province) {
		return new OutletDetails(d.orgName(), d.orgCategory(), d.orgNature(), province, address, d.platformName(),
				d.platformUrl(), d.headName(), d.contactName(), d.phone(), d.email(), d.serviceTargets(),
				d.serviceItems(), d.ipCategories());
	}

	private boolean readableBy(String officeId, Filed outlet) {
		return as("office-" + officeId, "recommender-" + officeId, () -> historyService
			.createHistoricProcessInstanceQuery()
			.processInstanceId(outlet.id())
			.count()) == 1
				&& as("office-" + officeId, "recommender-" + officeId,
						() -> runtimeService.createProcessInstanceQuery().processInstanceId(outlet.id()).count()) == 1;
	}

	private void submitSummary(Filed outlet) {
		Task submit = task(outlet, TaskKeys.SUBMIT_ANNUAL_SUMMARY);
		assertThat(submit).as("submitAnnualSummary of %s", outlet.filingNo()).isNotNull();
		taskService.complete(submit.getId(), Map.of("annualSummary", "本年度开展咨询、检索、培训服务，运行良好。"));
		runJobs(outlet.id());
	}

	private void reviewSummary(Filed outlet, boolean compliant) {
		Task review = task(outlet, TaskKeys.REVIEW_ANNUAL_SUMMARY);
		assertThat(review).as("reviewAnnualSummary of %s", outlet.filingNo()).isNotNull();
		taskService.complete(review.getId(),
				Map.of("summaryCompliant", String.valueOf(compliant), "reviewOpinion", "符合要求"));
		runJobs(outlet.id());
	}

	private Task task(Filed outlet, String key) {
		return taskService.createTaskQuery().processInstanceId(outlet.id()).taskDefinitionKey(key).singleResult();
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
			.map(l -> l.getGroupId())
			.toList();
	}

	private Task only(ProcessInstance report, String group) {
		List<Task> tasks = taskService.createTaskQuery()
			.processInstanceId(report.getId())
			.taskDefinitionKey(TaskKeys.AGGREGATE_ANNUAL_REPORT)
			.taskCandidateGroup(group)
			.list();
		assertThat(tasks).as("aggregation tasks of %s", group).hasSize(1);
		return tasks.get(0);
	}

	private static ProvinceOverview province(NationalOverview national, String officeId) {
		return national.provinces().stream().filter(p -> p.officeId().equals(officeId)).findFirst().orElseThrow();
	}

	private <T> T as(String user, String group, Supplier<T> call) {
		identityService.setAuthentication(user, List.of(group));
		try {
			return call.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private void as(String user, String group, Runnable call) {
		as(user, group, () -> {
			call.run();
			return null;
		});
	}

	/** Fires the outlets' timers in due order, each at its own instant, up to {@code target}. */
	private void advanceTo(List<Filed> filed, LocalDateTime target) {
		Instant end = target.atZone(SHANGHAI).toInstant();
		for (int i = 0; i < 500; i++) {
			filed.forEach(f -> runJobs(f.id()));
			Job next = filed.stream()
				.flatMap(f -> managementService.createJobQuery().processInstanceId(f.id()).timers().list().stream())
				.min((a, b) -> a.getDuedate().compareTo(b.getDuedate()))
				.orElse(null);
			if (next == null || next.getDuedate().toInstant().isAfter(end)) {
				break;
			}
			if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
				ClockUtil.setCurrentTime(next.getDuedate());
			}
			managementService.executeJob(next.getId());
		}
		ClockUtil.setCurrentTime(Date.from(end));
		filed.forEach(f -> runJobs(f.id()));
	}

	private void runJobs(ProcessInstance pi) {
		runJobs(pi.getId());
	}

	private void runJobs(String processInstanceId) {
		for (int i = 0; i < 50; i++) {
			List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> managementService.executeJob(job.getId()));
		}
	}

	private static void setNow(LocalDateTime shanghaiTime) {
		ClockUtil.setCurrentTime(Date.from(shanghaiTime.atZone(SHANGHAI).toInstant()));
	}

}
