package org.ipoutlet.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.register.OutletRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lifecycle (README "Benchmark"): {@code bench.lifecycle-outlets} outlets filed on one day live
 * three simulated years: the engine clock moves a month at a time and the job executor fires what is
 * due; every open task is then completed as its form asks — annual summaries (Art. 17) and their
 * reviews, one renewal each (Art. 9: application, recommender, CNIPA), and a rectification for every
 * tenth outlet whose first summary is found non-compliant, and each recommender's yearly aggregate
 * (annual-report). Printed: jobs per second, total time.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo", "bench" })
@Import(BenchEngine.class)
class LifecycleH2Bench {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	DataSource dataSource;

	@Autowired
	OutletRepository outlets;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Recommenders recommenders;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void threeYears() throws Exception {
		int count = Integer.getInteger("bench.lifecycle-outlets", 1000);
		Report report = new Report("lifecycle-h2", dataSource);
		LocalDate filed = LocalDate.of(2026, 3, 2);
		moveTo(filed.atTime(10, 0));
		long fillStart = System.nanoTime();
		new Register(outlets, engine.getRuntimeService(), transactions).file(count,
				recommenders.recommenders().stream().map(Recommenders.Recommender::id).toList(), filed);
		report.put("outlets", count).put("fillSeconds", Stats.round((System.nanoTime() - fillStart) / 1e9));

		Probe.reset();
		Map<String, Integer> completed = new LinkedHashMap<>();
		long start = System.nanoTime();
		ExecutorService workers = Executors.newFixedThreadPool(2);
		try {
			for (LocalDate month = filed.plusMonths(1).withDayOfMonth(1); !month.isAfter(LocalDate.of(2029, 4, 1)); month = month
				.plusMonths(1)) {
				moveTo(month.atTime(10, 0));
				settle(workers, completed);
			}
		}
		finally {
			workers.shutdownNow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Probe.Step.Figures> steps = Probe.snapshot();
		long jobs = 0;
		long failed = 0;
		for (Map.Entry<String, Probe.Step.Figures> step : steps.entrySet()) {
			if (step.getKey().startsWith("job ")) {
				jobs += step.getValue().count();
				if (step.getKey().endsWith("(failed)")) {
					failed += step.getValue().count();
				}
			}
		}
		report.put("simulatedUntil", "2029-04-01");
		report.put("totalSeconds", Stats.round(seconds));
		report.put("jobsExecuted", jobs);
		report.put("jobsFailed", failed);
		report.put("jobsPerSecond", Stats.round(jobs / seconds));
		report.put("tasksCompleted", completed);
		report.put("incidents", engine.getRuntimeService().createIncidentQuery().count());
		report.put("outletsByStatus", new org.springframework.jdbc.core.JdbcTemplate(dataSource)
			.queryForList("select status, count(*) as n from outlet group by status order by status"));
		report.put("steps", steps);
		report.write();
	}

	/** Lets the job executor finish what is due, completes every open task, until nothing is left. */
	private void settle(ExecutorService workers, Map<String, Integer> completed) throws Exception {
		for (int round = 0; round < 50; round++) {
			awaitJobs();
			List<Task> open = Probe.as("poll", () -> engine.getTaskService().createTaskQuery().list());
			if (open.isEmpty()) {
				return;
			}
			List<Future<?>> futures = new ArrayList<>();
			for (Task task : open) {
				futures.add(workers.submit(() -> complete(task)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
			open.forEach(t -> completed.merge(t.getTaskDefinitionKey(), 1, Integer::sum));
		}
		throw new IllegalStateException("Tasks keep coming");
	}

	private void complete(Task task) {
		Map<String, Object> v = new HashMap<>();
		int year = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI).getYear();
		boolean tenth = Math.floorMod(task.getProcessInstanceId().hashCode(), 10) == 0;
		switch (task.getTaskDefinitionKey()) {
			case TaskKeys.SUBMIT_ANNUAL_SUMMARY -> v.put("annualSummary", "本年度开展咨询、检索、培训服务，运行良好。");
			case TaskKeys.REVIEW_ANNUAL_SUMMARY -> {
				boolean compliant = !(tenth && year == 2027);
				v.put("summaryCompliant", String.valueOf(compliant));
				v.put("reviewOpinion", compliant ? "符合要求" : "未开展培训服务");
			}
			case TaskKeys.SUBMIT_RECTIFICATION_REPORT -> v.put("rectificationReport", "已开展培训服务并完善制度。");
			case TaskKeys.VERIFY_RECTIFICATION -> {
				v.put("rectified", "true");
				v.put("verificationOpinion", "整改到位");
			}
			case TaskKeys.APPLY_FOR_RENEWAL -> {
				v.put("independentLegalEntity", "true");
				v.put("staffTotal", 12);
				v.put("staffFullTime", 6);
				v.put("workFoundation", "三年来持续开展咨询、检索和培训服务，运行良好。");
				v.put("developmentPlan", "建设专题数据库，扩大中小微企业服务。");
				v.put("declarationTruthful", true);
			}
			case TaskKeys.REVIEW_RENEWAL -> {
				v.put("renewalRecommended", "true");
				v.put("renewalReviewOpinion", "同意续期");
			}
			case TaskKeys.APPROVE_RENEWAL -> {
				v.put("renewalApproved", "true");
				v.put("renewalApprovalOpinion", "准予续期");
			}
			// annual-report (Art. 17): each recommender's yearly aggregate, every 1 February.
			case TaskKeys.AGGREGATE_ANNUAL_REPORT -> v.put("aggregateRemarks", "本年度所推荐网点均已报送年度工作总结。");
			// CNIPA acknowledges each provincial aggregate (Art. 17).
			case TaskKeys.ACKNOWLEDGE_ANNUAL_REPORT -> v.put("acknowledgeRemarks", "已收悉。");
			default -> throw new IllegalStateException("Unexpected task " + task.getTaskDefinitionKey());
		}
		Probe.as("task " + task.getTaskDefinitionKey(), () -> engine.getFormService().submitTaskForm(task.getId(), v));
	}

	/** Until no job is due (the job executor has run them all). */
	private void awaitJobs() {
		FilingDriver.await("due jobs done", () -> Probe.as("poll",
				() -> engine.getManagementService().createJobQuery().executable().count() == 0 ? Boolean.TRUE : null));
	}

	/**
	 * Moves the engine clock and tells the job executor, whose acquisition otherwise sleeps up to its
	 * wait time (5 s) before it sees timers that became due by a jump of the clock.
	 */
	private void moveTo(LocalDateTime shanghai) {
		FilingDriver.BenchClock.moveTo(shanghai.atZone(SHANGHAI).toInstant());
		((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
	}

}
