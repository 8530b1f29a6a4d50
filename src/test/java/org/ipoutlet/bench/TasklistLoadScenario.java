package org.ipoutlet.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.filing.FilingVariables;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.identity.TasklistFilters;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.operations.EngineIndexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist under load (README "Benchmark"): {@code bench.tasks} open 初审和推荐 tasks spread over every
 * recommender's group; a recommender (Shanghai) logged in to Tasklist makes the calls Tasklist makes on
 * every refresh — the filter list with counts, the 本部门待办 filter's page and its count — through the
 * webapp's engine API; the same with the engine's authorization check switched off, for comparison.
 */
abstract class TasklistLoadScenario {

	/** Samples of each call in each variant, spread over the rounds. */
	static final int SAMPLES = 60;
	static final int ROUNDS = 3;
	static final int WARM_UP = 60;
	static final String AUTHORIZATION_USER_INDEX = EngineIndexes.AUTHORIZATION_USER;
	/** -Dbench.authorization-user-index=false starts the application without it: nothing to compare. */
	static final boolean USER_INDEX_SHIPPED = !"false".equals(System.getProperty("outlet.operations.authorization-user-index"));
	static final String DEPARTMENT = TasklistFilters.DEPARTMENT;
	/** The body Tasklist 7.24 posts for a filter's list and count. */
	static final String TASKLIST_QUERY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
			+ "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ProcessEngine engine;

	@Autowired
	DataSource dataSource;

	@Autowired
	Recommenders recommenders;

	@Autowired
	TransactionTemplate transactions;

	@LocalServerPort
	int port;

	abstract String name();

	@Test
	void tasklistUnderLoad() throws Exception {
		int tasks = Integer.getInteger("bench.tasks", 10000);
		Report report = new Report(name(), dataSource);
		long start = System.nanoTime();
		openReviews(tasks);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		report.put("fill", Map.of("openTasks", engine.getTaskService().createTaskQuery().count(), "seconds",
				Stats.round((System.nanoTime() - start) / 1e9), "authorizationRows",
				jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION", Long.class), "identityLinks",
				jdbc.queryForObject("select count(*) from ACT_RU_IDENTITYLINK", Long.class)));

		WebappSession session = WebappSession.login(port, FilingDriver.RECOMMENDER_USER);
		String filterId = departmentFilter(session);
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		Map<String, Runnable> calls = calls(session, filterId);
		report.put("visibleToShanghai", count(session, filterId));
		report.put("statementsPerCall", statementsPerCall(calls));
		report.put("explainAnalyzeBeforeAnalyze", explain(session, filterId));
		// The database's statistics of the filled tables, as its autovacuum (PostgreSQL) or its automatic
		// ANALYZE (H2) gathers them after so many changed rows.
		jdbc.execute("analyze");
		report.put("explainAnalyze", explain(session, filterId));

		// Three variants, interleaved over ROUNDS rounds after one long warm-up, so that neither gains from
		// running later (JIT, caches): as shipped; without the application's index on the authorization
		// table's user column (README "Benchmark"); with the engine's authorization check off.
		Map<String, Map<String, List<Long>>> samples = new LinkedHashMap<>();
		time(calls, WARM_UP, null);
		for (int round = 0; round < ROUNDS; round++) {
			time(calls, SAMPLES / ROUNDS, samples.computeIfAbsent("authorizationOn", k -> new LinkedHashMap<>()));
			if (USER_INDEX_SHIPPED) {
				jdbc.execute("drop index " + AUTHORIZATION_USER_INDEX);
				try {
					time(calls, SAMPLES / ROUNDS,
							samples.computeIfAbsent("authorizationOnWithoutUserIndex", k -> new LinkedHashMap<>()));
					if (round == 0) {
						report.put("explainAnalyzeWithoutUserIndex", explain(session, filterId));
					}
				}
				finally {
					jdbc.execute("create index " + AUTHORIZATION_USER_INDEX + " on ACT_RU_AUTHORIZATION (USER_ID_)");
				}
			}
			configuration.setAuthorizationEnabled(false);
			try {
				time(calls, SAMPLES / ROUNDS, samples.computeIfAbsent("authorizationOff", k -> new LinkedHashMap<>()));
				if (round == 0) {
					report.put("visibleWithoutAuthorization", count(session, filterId));
				}
			}
			finally {
				configuration.setAuthorizationEnabled(true);
			}
		}
		Map<String, Map<String, Stats.Summary>> summaries = new LinkedHashMap<>();
		samples.forEach((variant, byCall) -> {
			Map<String, Stats.Summary> summary = new LinkedHashMap<>();
			byCall.forEach((call, nanos) -> summary.put(call, Stats.millis(nanos)));
			summaries.put(variant, summary);
			report.put(variant, summary);
		});
		report.put("p95OnOverOff", ratios(summaries.get("authorizationOn"), summaries.get("authorizationOff")));
		if (USER_INDEX_SHIPPED) {
			report.put("p95WithoutUserIndexOverOn",
					ratios(summaries.get("authorizationOnWithoutUserIndex"), summaries.get("authorizationOn")));
		}
		report.write();
	}

	private static Map<String, Object> ratios(Map<String, Stats.Summary> on, Map<String, Stats.Summary> off) {
		Map<String, Object> ratios = new LinkedHashMap<>();
		for (String call : on.keySet()) {
			ratios.put(call, Stats.round(on.get(call).p95() / off.get(call).p95()));
		}
		return ratios;
	}

	/** The three calls of a Tasklist refresh. */
	private static Map<String, Runnable> calls(WebappSession session, String filterId) {
		String engineApi = "/camunda/api/engine/engine/default";
		Map<String, Runnable> calls = new LinkedHashMap<>();
		calls.put("filterListWithCounts", () -> ok(session.send("GET", engineApi + "/filter?resourceType=Task&itemCount=true",
				null, null)));
		calls.put("departmentPage", () -> ok(session.send("POST", engineApi + "/filter/" + filterId
				+ "/list?firstResult=0&maxResults=15", TASKLIST_QUERY, "application/json")));
		calls.put("departmentCount", () -> ok(session.send("POST", engineApi + "/filter/" + filterId + "/count",
				TASKLIST_QUERY, "application/json")));
		return calls;
	}

	/** Each call {@code times} times; the nanoseconds added to {@code into} by call (none kept if null). */
	private static void time(Map<String, Runnable> calls, int times, Map<String, List<Long>> into) {
		calls.forEach((name, call) -> {
			for (int i = 0; i < times; i++) {
				long t = System.nanoTime();
				call.run();
				if (into != null) {
					into.computeIfAbsent(name, k -> new ArrayList<>()).add(System.nanoTime() - t);
				}
			}
		});
	}

	private long count(WebappSession session, String filterId) throws Exception {
		HttpResponse<String> response = ok(session.send("POST", "/camunda/api/engine/engine/default/filter/" + filterId
				+ "/count", TASKLIST_QUERY, "application/json"));
		return JSON.readTree(response.body()).get("count").asLong();
	}

	private String departmentFilter(WebappSession session) throws Exception {
		JsonNode filters = JSON.readTree(ok(session.send("GET",
				"/camunda/api/engine/engine/default/filter?resourceType=Task", null, null)).body());
		for (JsonNode filter : filters) {
			if (DEPARTMENT.equals(filter.get("name").asText())) {
				return filter.get("id").asText();
			}
		}
		throw new IllegalStateException("No filter " + DEPARTMENT + " for the recommender: " + filters);
	}

	/** The statements of each call of a refresh: all, and those with the engine's authorization check. */
	private static Map<String, Object> statementsPerCall(Map<String, Runnable> calls) {
		Map<String, Object> out = new LinkedHashMap<>();
		calls.forEach((name, call) -> {
			BenchEngine.Capture.start("");
			call.run();
			List<BenchEngine.Captured> all = BenchEngine.Capture.stop();
			out.put(name, Map.of("statements", all.size(), "withAuthorizationCheck",
					all.stream().filter(q -> q.sql().contains("ACT_RU_AUTHORIZATION")).count()));
		});
		return out;
	}

	/** The plan of the authorization-checked task query of the 本部门待办 page (EXPLAIN ANALYZE). */
	List<String> explain(WebappSession session, String filterId) throws Exception {
		BenchEngine.Capture.start("ACT_RU_AUTHORIZATION");
		ok(session.send("POST", "/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults=15",
				TASKLIST_QUERY, "application/json"));
		List<BenchEngine.Captured> captured = BenchEngine.Capture.stop().stream()
			.filter(q -> q.sql().contains("ACT_RU_TASK"))
			.toList();
		return Explain.plans(dataSource, captured);
	}

	/** A province the recommender may recommend from (Art. 4): its own, Xinjiang for XPCC, else Beijing. */
	static String province(String recommenderId) {
		return recommenderId.matches("\\d{6}") ? recommenderId : "xpcc".equals(recommenderId) ? "650000" : "110000";
	}

	private static HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException(response.statusCode() + " " + response.body());
		}
		return response;
	}

	/**
	 * Open 初审和推荐 tasks, round robin over every recommender: each a baseline instance (the same user
	 * task as outlet-filing's: key, form, candidate group {@code recommender-<id>}) started as the system
	 * directly at the review, so that filling 10,000 takes minutes, not an hour; the Tasklist query reads
	 * tasks, their candidate groups and authorizations, not the steps before. 50 per transaction.
	 */
	private void openReviews(int tasks) throws Exception {
		FilingThroughputScenario.deployBaseline(engine);
		List<Recommenders.Recommender> all = recommenders.recommenders();
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<?>> batches = new ArrayList<>();
		for (int from = 0; from < tasks; from += 50) {
			int size = Math.min(50, tasks - from);
			batches.add(pool.submit(() -> transactions.executeWithoutResult(status -> {
				for (int i = 0; i < size; i++) {
					int n = next.getAndIncrement();
					Recommenders.Recommender recommender = all.get(n % all.size());
					Map<String, Object> vars = new HashMap<>();
					vars.put(FilingVariables.ORG_NAME, "上海市某高校图书馆" + n);
					vars.put(FilingVariables.USCC, Uscc.complete("91310000" + String.format("%09d", 700_000_000 + n)));
					vars.put(FilingVariables.RECOMMENDER_ID, recommender.id());
					vars.put(FilingVariables.PROVINCE, province(recommender.id()));
					vars.put(FilingVariables.APPLICANT, FilingDriver.APPLICANT_USER);
					engine.getRuntimeService()
						.createProcessInstanceByKey(FilingThroughputScenario.BASELINE)
						.businessKey(String.format("SQ-2000-%06d", n))
						.setVariables(vars)
						.startBeforeActivity(TaskKeys.PRELIMINARY_REVIEW)
						.execute();
				}
			})));
		}
		try {
			for (Future<?> batch : batches) {
				batch.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
