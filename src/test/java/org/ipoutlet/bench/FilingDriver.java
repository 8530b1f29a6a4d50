package org.ipoutlet.bench;

import static org.ipoutlet.filing.FilingVariables.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.institution.Uscc;

/**
 * Drives complete filings as the people of the regulation do in Tasklist, through the engine's Java
 * API with each user authenticated (so the engine's guard, the form rules and the authorizations apply
 * as over REST): the applicant submits the 备案表 with both documents (Art. 6), Shanghai's
 * recommender recommends (Art. 7(二)), CNIPA approves (Art. 7(三)); the job executor runs every async
 * step. When every filing waits in publicity, the engine clock moves past the last publicity end and
 * the job executor fires the timers and registers. README "Benchmark".
 */
final class FilingDriver {

	static final String APPLICANT_USER = "applicant";
	static final String RECOMMENDER_USER = "shanghai";
	static final String RECOMMENDER_GROUP = "recommender-310000";
	static final String CNIPA_USER = "cnipa";
	static final String TIMER = "Timer_PublicityEnds";

	/** Distinct institutions across every run of the JVM. */
	private static final AtomicInteger INSTITUTIONS = new AtomicInteger(1);

	private final ProcessEngine engine;
	private final int clients;

	FilingDriver(ProcessEngine engine, int clients) {
		this.engine = engine;
		this.clients = clients;
	}

	/** What one run measured. */
	record Run(String processKey, int filings, double seconds, double filingsPerSecond, double reviewSeconds,
			double publicitySeconds, double cpuMillisPerFiling, double statementsPerFiling, double engineStatementsPerFiling,
			Map<String, Stats.Summary> clientMillis, Map<String, Probe.Step.Figures> engine) {
	}

	Run run(String processKey, int filings) throws Exception {
		String definitionId = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult()
			.getId();
		Map<String, List<Long>> client = new ConcurrentHashMap<>();
		Set<String> instances = ConcurrentHashMap.newKeySet();
		Probe.reset();
		long statementsBefore = Probe.statements();
		long cpuBefore = processCpuNanos();
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < filings; i++) {
				futures.add(pool.submit(() -> instances.add(fileOne(processKey, definitionId, client))));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		long reviewed = System.nanoTime();
		endPublicity(instances);
		awaitEnded(instances);
		long end = System.nanoTime();
		long cpu = processCpuNanos() - cpuBefore;
		double seconds = (end - start) / 1e9;
		Map<String, Probe.Step.Figures> steps = Probe.snapshot();
		double engineStatements = 0;
		for (Map.Entry<String, Probe.Step.Figures> step : steps.entrySet()) {
			if (!step.getKey().startsWith("poll")) {
				engineStatements += step.getValue().statementsPerCall() * step.getValue().count();
			}
		}
		Map<String, Stats.Summary> clientMillis = new LinkedHashMap<>();
		client.forEach((name, nanos) -> clientMillis.put(name, Stats.millis(nanos)));
		return new Run(processKey, filings, Stats.round(seconds), Stats.round(filings / seconds),
				Stats.round((reviewed - start) / 1e9), Stats.round((end - reviewed) / 1e9), Stats.round(cpu / 1e6 / filings),
				Stats.round((double) (Probe.statements() - statementsBefore) / filings),
				Stats.round(engineStatements / filings), new java.util.TreeMap<>(clientMillis), steps);
	}

	/**
	 * CPU time of the whole JVM (the clients run the engine's commands in it, as the server's threads
	 * would; the database is in it on H2 and outside it on PostgreSQL).
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private String fileOne(String processKey, String definitionId, Map<String, List<Long>> client) {
		int number = INSTITUTIONS.getAndIncrement();
		Map<String, Object> application = FilingFixtures.application(Uscc.complete("91310000" + String.format("%09d", number)));
		application.remove(APPLICANT);
		if (!ProcessKeys.OUTLET_FILING.equals(processKey)) {
			// Start documents are the filing's own (README: Security); the baseline's form has none.
			application.remove(WORK_RULES);
			application.remove(SEALED_FORM);
		}
		String pi = timed(client, "1 submit", () -> as(APPLICANT_USER, AppGroups.OUTLETS, processKey + " submit",
				() -> engine.getFormService().submitStartForm(definitionId, application).getId()));
		Task review = timed(client, "2 until preliminaryReview", () -> awaitTask(pi, TaskKeys.PRELIMINARY_REVIEW));
		timed(client, "3 preliminaryReview", () -> as(RECOMMENDER_USER, RECOMMENDER_GROUP, processKey + " " + TaskKeys.PRELIMINARY_REVIEW, () -> {
			engine.getFormService().submitTaskForm(review.getId(), Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION,
					"资源和人员实力较强，同意推荐", RECOMMENDER_HEAD, "陈处长"));
			return null;
		}));
		Task cnipa = timed(client, "4 until cnipaReview", () -> awaitTask(pi, TaskKeys.CNIPA_REVIEW));
		timed(client, "5 cnipaReview", () -> as(CNIPA_USER, AppGroups.CNIPA_REVIEWERS, processKey + " " + TaskKeys.CNIPA_REVIEW, () -> {
			engine.getFormService().submitTaskForm(cnipa.getId(), Map.of(FILING_DECISION, "APPROVE", FALSE_MATERIALS, false,
					CNIPA_OPINION, "准予备案，进行公示", CNIPA_HEAD, "刘司长"));
			return null;
		}));
		timed(client, "6 until publicity timer", () -> awaitTimer(pi));
		return pi;
	}

	private <T> T as(String user, String group, String step, Supplier<T> call) {
		engine.getIdentityService().setAuthentication(user, List.of(group));
		try {
			return Probe.as(step, call);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	private static <T> T timed(Map<String, List<Long>> client, String name, Supplier<T> call) {
		long start = System.nanoTime();
		T result = call.get();
		client.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - start);
		return result;
	}

	private Task awaitTask(String pi, String taskKey) {
		return await("task " + taskKey + " of " + pi, () -> Probe.as("poll", () -> engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(pi)
			.taskDefinitionKey(taskKey)
			.singleResult()));
	}

	private Job awaitTimer(String pi) {
		return await("publicity timer of " + pi, () -> Probe.as("poll", () -> engine.getManagementService()
			.createJobQuery()
			.processInstanceId(pi)
			.activityId(TIMER)
			.singleResult()));
	}

	/** Moves the engine clock one second past the latest publicity end of these instances. */
	private void endPublicity(Set<String> instances) {
		Instant latest = Instant.EPOCH;
		for (Job job : Probe.as("poll", () -> engine.getManagementService().createJobQuery().activityId(TIMER).list())) {
			if (instances.contains(job.getProcessInstanceId()) && job.getDuedate().toInstant().isAfter(latest)) {
				latest = job.getDuedate().toInstant();
			}
		}
		BenchClock.moveTo(latest.plusSeconds(1));
	}

	private void awaitEnded(Set<String> instances) {
		Set<String> open = new HashSet<>(instances);
		long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000L;
		while (!open.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(open.size() + " filings not registered in time");
			}
			Set<String> running = new HashSet<>();
			List<String> ids = new ArrayList<>(open);
			for (int from = 0; from < ids.size(); from += 500) {
				Set<String> chunk = new HashSet<>(ids.subList(from, Math.min(ids.size(), from + 500)));
				Probe.as("poll", () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(chunk).list())
					.forEach(p -> running.add(p.getId()));
			}
			open.retainAll(running);
			if (!open.isEmpty()) {
				pause(200);
			}
		}
	}

	static <T> T await(String what, Supplier<T> probe) {
		long deadline = System.nanoTime() + 300L * 1_000_000_000L;
		long sleep = 2;
		while (true) {
			T found = probe.get();
			if (found != null) {
				return found;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Waited in vain for " + what);
			}
			pause(sleep);
			sleep = Math.min(20, sleep * 2);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The engine clock (ClockUtil, which timers, the job executor and the application read), ticking. */
	static final class BenchClock {

		private BenchClock() {
		}

		static void moveTo(Instant instant) {
			ClockUtil.offset(instant.toEpochMilli() - System.currentTimeMillis());
		}

		static Instant now() {
			return ClockUtil.getCurrentTime().toInstant();
		}

	}

}
