package org.ipoutlet.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.annualreport.AnnualReports.Aggregate;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The provincial office of each province aggregates its outlets' annual summaries for CNIPA (Art. 17). */
@ProcessTest
class AnnualReportProcessTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	IdentityService identityService;

	@Autowired
	org.camunda.bpm.engine.FormService formService;

	@Autowired
	OutletRepository outlets;

	@Autowired
	AnnualSummaries summaries;

	@Autowired
	AnnualReports reports;

	@Test
	void Art17_eachProvincialOfficeAggregatesOnlyItsOwnProvinceForCnipa() throws Exception {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2036, 2, 1).atTime(9, 0).atZone(SHANGHAI).toInstant()));
		String js1 = outlet("320000", "江苏网点甲");
		String js2 = outlet("320000", "江苏网点乙");
		String gd1 = outlet("440000", "广东网点甲");
		Instant at = ClockUtil.getCurrentTime().toInstant();
		summaries.submitted(js1, 2035, "320000", "2035年度总结", "u1", at);
		summaries.reviewed(js1, 2035, true, "符合", at);
		summaries.missing(js2, 2035, "320000");
		summaries.submitted(gd1, 2035, "440000", "2035年度总结", "u3", at);

		ProcessInstance pi = reports.start(2036);
		assertThat(pi.getBusinessKey()).isEqualTo("2036");
		assertThatThrownBy(() -> reports.start(2036)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("2036");

		Task jiangsu = onlyTaskOf(pi, "recommender-320000");
		Task guangdong = onlyTaskOf(pi, "recommender-440000");
		assertThat(jiangsu.getTaskDefinitionKey()).isEqualTo("aggregateAnnualReport");
		try (var in = formService.getDeployedTaskForm(jiangsu.getId())) {
			assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.contains("\"id\": \"aggregate-annual-report\"")
				.contains("\"key\": \"aggregateRemarks\"");
		}
		assertThat(taskService.getVariable(jiangsu.getId(), "outletCount")).isEqualTo(2);
		assertThat(taskService.getVariable(jiangsu.getId(), "compliantCount")).isEqualTo(1);
		assertThat(taskService.getVariable(jiangsu.getId(), "missingCount")).isEqualTo(1);
		assertThat(taskService.getVariable(jiangsu.getId(), "recommenderName")).isEqualTo("江苏省知识产权局");
		assertThat((String) taskService.getVariable(jiangsu.getId(), "summaryOverview"))
			.contains(js1 + " 江苏网点甲：审核通过")
			.contains(js2 + " 江苏网点乙：逾期未报送")
			.doesNotContain(gd1);
		assertThat(taskService.getVariable(guangdong.getId(), "outletCount")).isEqualTo(1);
		assertThat(taskService.getVariable(guangdong.getId(), "pendingReviewCount")).isEqualTo(1);
		assertThat((String) taskService.getVariable(guangdong.getId(), "summaryOverview")).contains("已报送待审核")
			.doesNotContain(js1);

		// A Jiangsu reviewer, authenticated, sees the Jiangsu aggregate and not Guangdong's.
		try {
			identityService.setAuthentication("js-reviewer", List.of("recommender-320000"));
			List<Task> visible = taskService.createTaskQuery().processInstanceId(pi.getId()).list();
			assertThat(visible).extracting(Task::getId).containsExactly(jiangsu.getId());
		}
		finally {
			identityService.clearAuthentication();
		}

		assertThatThrownBy(() -> taskService.complete(jiangsu.getId(), Map.of("aggregateRemarks", " ")))
			.hasMessageContaining("aggregateRemarks");
		try {
			identityService.setAuthentication("js-reviewer", List.of("recommender-320000"));
			taskService.complete(jiangsu.getId(), Map.of("aggregateRemarks", "江苏：1家逾期未报送，已责令整改。"));
		}
		finally {
			identityService.clearAuthentication();
		}
		taskService.complete(guangdong.getId(), Map.of("aggregateRemarks", "广东：1家待审核。"));
		runJobs(pi);

		List<Aggregate> aggregates = reports.aggregates(2036);
		Aggregate js = aggregates.stream().filter(a -> a.officeId().equals("320000")).findFirst().orElseThrow();
		assertThat(js.outletCount()).isEqualTo(2);
		assertThat(js.compliantCount()).isEqualTo(1);
		assertThat(js.missingCount()).isEqualTo(1);
		assertThat(js.remarks()).isEqualTo("江苏：1家逾期未报送，已责令整改。");
		assertThat(js.submittedBy()).isEqualTo("js-reviewer");
		Aggregate gd = aggregates.stream().filter(a -> a.officeId().equals("440000")).findFirst().orElseThrow();
		assertThat(gd.submittedCount()).isEqualTo(1);
		assertThat(gd.remarks()).isEqualTo("广东：1家待审核。");
		// Remarks stay with each recommender's aggregation, not one shared variable.
		assertThat(runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(pi.getId())
			.variableName("aggregateRemarks")
			.list()).allSatisfy(v -> assertThat(v.getActivityInstanceId()).isNotEqualTo(pi.getId()));
	}

	@Test
	void Art17_reportStartsEveryYearOnFirstFebruaryShanghaiTime() {
		Job timer = managementService.createJobQuery()
			.processDefinitionKey("annual-report")
			.timers()
			.singleResult();
		Instant due = timer.getDuedate().toInstant();
		assertThat(due.atZone(SHANGHAI).toLocalDate().getMonthValue()).isEqualTo(2);
		assertThat(due.atZone(SHANGHAI).toLocalDate().getDayOfMonth()).isEqualTo(1);
		assertThat(due.atZone(SHANGHAI).toLocalTime().toSecondOfDay()).isZero();
		assertThat(due).isAfter(Instant.now().minusSeconds(366L * 24 * 3600));
	}

	@Test
	void Art17_timerStartedReportTakesTheCurrentYearAsBusinessKey() {
		// No outlet was active in 2049: the report of 2050 has nobody to ask and ends at once.
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2050, 2, 1).atStartOfDay(SHANGHAI).toInstant()));
		ProcessInstance pi = runtimeService.startProcessInstanceByKey("annual-report");
		assertThat(pi.isEnded()).isTrue();
		assertThat(reports.exists(2050)).isTrue();
		assertThatThrownBy(() -> reports.start(2050)).isInstanceOf(IllegalStateException.class);
		// A second automatic start in the same year finds the report already made.
		ProcessInstance again = runtimeService.startProcessInstanceByKey("annual-report");
		assertThat(again.isEnded()).isTrue();
	}

	private Task onlyTaskOf(ProcessInstance pi, String group) {
		List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup(group).list();
		assertThat(tasks).hasSize(1);
		return tasks.get(0);
	}

	private void runJobs(ProcessInstance pi) {
		managementService.createJobQuery()
			.processInstanceId(pi.getId())
			.messages()
			.list()
			.forEach(j -> managementService.executeJob(j.getId()));
	}

	private String outlet(String recommenderId, String name) {
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "AR-" + unique.substring(0, 10);
		OutletDetails details = new OutletDetails(name, "UNIVERSITY", null, recommenderId, "地址", null, null, "负责人",
				"联系人", "010-1", "a@example.org", null, List.of("CONSULTATION", "SEARCH", "TRAINING"),
				List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, "91" + unique.substring(0, 16), details, recommenderId,
				"u-" + filingNo, LocalDate.of(2034, 6, 1), LocalDate.of(2037, 5, 31),
				ClockUtil.getCurrentTime().toInstant()));
		return filingNo;
	}

}
