package org.ipoutlet.bench;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.annualreport.TerritoryAccess;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.operations.EngineIndexes;
import org.ipoutlet.register.OutletRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filing throughput (README "Benchmark"): complete filings end to end, the project and the bare
 * baseline of the same shape interleaved on one engine and database; then the register is filled with
 * {@code bench.outlets} filed outlets (three far-future timers each) and the same is measured again,
 * with the job executor's acquisition time. The database is the subclass's.
 */
abstract class FilingThroughputScenario {

	static final String BASELINE = "bench-baseline";
	static final int CLIENTS = 4;

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

	@Autowired
	TerritoryAccess territory;

	abstract String name();

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void filingThroughput() throws Exception {
		int filings = Integer.getInteger("bench.filings", 1000);
		int registerSize = Integer.getInteger("bench.outlets", 10000);
		Report report = new Report(name(), dataSource);
		report.put("filingsPerRun", filings).put("clients", CLIENTS).put("outletsAtScale", registerSize);
		deployBaseline(engine);
		FilingDriver.BenchClock.moveTo(OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
		Report.resetPeakHeap();
		FilingDriver driver = new FilingDriver(engine, CLIENTS);

		// Warm-up (JIT, caches): not counted.
		driver.run(OUTLET_FILING, Math.min(20, filings));
		driver.run(BASELINE, Math.min(20, filings));

		Map<String, Object> atZero = measure(driver, filings);
		report.put("atZero", atZero);

		long start = System.nanoTime();
		List<String> recommenderIds = recommenders.recommenders().stream().map(Recommenders.Recommender::id).toList();
		LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), java.time.ZoneId.of("Asia/Shanghai"));
		new Register(outlets, engine.getRuntimeService(), transactions).file(registerSize, recommenderIds, today);
		double seconds = (System.nanoTime() - start) / 1e9;
		long timers = engine.getManagementService().createJobQuery().timers().count();
		report.put("registerFill", Map.of("outlets", registerSize, "seconds", Stats.round(seconds), "timerJobs", timers,
				"jobs", engine.getManagementService().createJobQuery().count()));

		// What every start-up checks of the territory grants (README "Provincial offices see their territory").
		long grantsStart = System.nanoTime();
		territory.grantExisting();
		report.put("territoryGrantCheckAtStartUpSeconds", Stats.round((System.nanoTime() - grantsStart) / 1e9));

		Map<String, Object> atScale = measure(driver, filings);
		report.put("atScale", atScale);
		report.put("acquisitionAtScale", acquisitionWithAndWithoutIndex());
		report.put("projectAtScaleOverAtZero", Stats.round((double) atScale.get("projectFilingsPerSecond")
				/ (double) atZero.get("projectFilingsPerSecond")));
		report.put("baselineAtScaleOverAtZero", Stats.round((double) atScale.get("baselineFilingsPerSecond")
				/ (double) atZero.get("baselineFilingsPerSecond")));
		report.write();
	}

	/** Two rounds of project then baseline, each half the filings; their sums and the ratio. */
	private Map<String, Object> measure(FilingDriver driver, int filings) throws Exception {
		List<FilingDriver.Run> project = new ArrayList<>();
		List<FilingDriver.Run> baseline = new ArrayList<>();
		for (int round = 0; round < 2; round++) {
			project.add(driver.run(OUTLET_FILING, filings / 2));
			baseline.add(driver.run(BASELINE, filings / 2));
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("idleAcquisitionMillis", idleAcquisition());
		out.put("jobsInTable", engine.getManagementService().createJobQuery().count());
		double projectRate = rate(project);
		double baselineRate = rate(baseline);
		out.put("projectFilingsPerSecond", projectRate);
		out.put("baselineFilingsPerSecond", baselineRate);
		out.put("projectOverBaseline", Stats.round(projectRate / baselineRate));
		out.put("project", project);
		out.put("baseline", baseline);
		return out;
	}

	/**
	 * The job executor's acquisition query on its own, when nothing is due (what every acquisition
	 * scans at least): 30 times, as the system.
	 */
	private Stats.Summary idleAcquisition() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		JobExecutor jobExecutor = configuration.getJobExecutor();
		List<Long> nanos = new ArrayList<>();
		for (int i = 0; i < 35; i++) {
			long start = System.nanoTime();
			AcquiredJobs acquired = configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor));
			if (i >= 5 && acquired.size() == 0) {
				nanos.add(System.nanoTime() - start);
			}
		}
		return Stats.millis(nanos);
	}

	/**
	 * The idle acquisition at scale with the due-date index (README "Benchmark") and without it (dropped
	 * for the measurement, then created again), with the database's plan of the acquisition query.
	 */
	private Map<String, Object> acquisitionWithAndWithoutIndex() throws Exception {
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("withIndex", idleAcquisition());
		out.put("planWithIndex", explainAcquisition());
		jdbc.execute("drop index " + EngineIndexes.JOB_DUE_DATE);
		try {
			out.put("withoutIndex", idleAcquisition());
			out.put("planWithoutIndex", explainAcquisition());
		}
		finally {
			jdbc.execute("create index if not exists " + EngineIndexes.JOB_DUE_DATE + " on ACT_RU_JOB (DUEDATE_)");
		}
		return out;
	}

	private List<String> explainAcquisition() throws Exception {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		BenchEngine.Capture.start("LOCK_EXP_TIME_");
		configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(configuration.getJobExecutor()));
		return Explain.plans(dataSource, BenchEngine.Capture.stop());
	}

	private static double rate(List<FilingDriver.Run> runs) {
		double filings = 0;
		double seconds = 0;
		for (FilingDriver.Run run : runs) {
			filings += run.filings();
			seconds += run.seconds();
		}
		return Stats.round(filings / seconds);
	}

	/** The baseline diagram, deployed as the system, startable by the applicants like outlet-filing. */
	static void deployBaseline(ProcessEngine engine) {
		if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(BASELINE).count() == 0) {
			engine.getRepositoryService()
				.createDeployment()
				.name(BASELINE)
				.addClasspathResource("bench/bench-baseline.bpmn")
				.deploy();
		}
		var auth = engine.getAuthorizationService();
		var grant = auth.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		grant.setGroupId(AppGroups.OUTLETS);
		grant.setResource(Resources.PROCESS_DEFINITION);
		grant.setResourceId(BASELINE);
		grant.addPermission(ProcessDefinitionPermissions.READ);
		grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
		auth.saveAuthorization(grant);
	}

}
