package org.ipoutlet.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.filing.FilingVariables;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production profile {@code postgres} alone (no demo users, the job executor running) on a real
 * PostgreSQL: the first administrator from the environment, the actuator endpoints and their access,
 * the metrics, the business key in job log lines, secure cookies and history cleanup.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"outlet.admin.id=" + ProductionProfilePostgresTest.ADMIN,
		"outlet.admin.password=" + ProductionProfilePostgresTest.ADMIN_PASSWORD })
@ActiveProfiles("postgres")
// Spring Boot tests switch metrics export (Prometheus) off unless asked.
@AutoConfigureObservability(tracing = false)
@ExtendWith(ProcessTest.ResetClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionProfilePostgresTest {

	static final String ADMIN = "opsadmin";
	static final String ADMIN_PASSWORD = "ops-admin-secret-2026";

	@TestConfiguration(proxyBeanMethods = false)
	static class Postgres {

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() throws IOException {
			return EmbeddedPostgres.builder().start();
		}

		@Bean
		@Primary
		DataSource dataSource(EmbeddedPostgres postgres) {
			return DataSourceBuilder.create()
				.url(postgres.getJdbcUrl("postgres", "postgres"))
				.username("postgres")
				.driverClassName("org.postgresql.Driver")
				.build();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	JdbcTemplate jdbc;

	ApiClient api() {
		return new ApiClient(port);
	}

	@Test
	void theFirstAdministratorComesFromTheEnvironmentAndNoDemoUserExists() {
		assertThat(identity.checkPassword(ADMIN, ADMIN_PASSWORD)).isTrue();
		assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(AppGroups.ADMIN).count()).isEqualTo(1);
		assertThat(identity.createUserQuery().userIdIn("admin", "applicant", "cnipa", "shanghai").count()).isZero();
		assertThat(identity.createUserQuery().count()).isEqualTo(1);
	}

	@Test
	void healthIsPublicWithStatusOnlyAndAdministratorsSeeEngineDatabaseJobExecutorAndBacklog() {
		Response anonymous = api().get("/actuator/health");
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
		assertThat(anonymous.json().has("components")).isFalse();

		Response admin = api().get("/actuator/health", ADMIN, ADMIN_PASSWORD);
		assertThat(admin.status()).isEqualTo(200);
		var components = admin.json().get("components");
		for (String name : List.of("db", "processEngine", "jobExecutor", "jobBacklog")) {
			assertThat(components.get(name).get("status").asText()).as(name).isEqualTo("UP");
		}
		assertThat(components.get("jobBacklog").get("details").has("dueJobs")).isTrue();
		// The production profile's job executor settings are in effect.
		var jobExecutor = components.get("jobExecutor").get("details").get("jobExecutor");
		assertThat(jobExecutor.get("lockTimeInMillis").asInt()).isEqualTo(300000);
		assertThat(jobExecutor.get("maxJobsPerAcquisition").asInt()).isEqualTo(4);
	}

	@Test
	void metricsAndEverythingElseUnderActuatorAreForAdministratorsOnly() {
		String user = "opsoutlet";
		if (identity.createUserQuery().userId(user).count() == 0) {
			User outlet = identity.newUser(user);
			outlet.setPassword("ops-outlet-secret-2026");
			identity.saveUser(outlet);
			identity.createMembership(user, AppGroups.OUTLETS);
		}
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator", "/actuator/info")) {
			assertThat(api().get(path).status()).as(path).isEqualTo(401);
			assertThat(api().get(path, user, "ops-outlet-secret-2026").status()).as(path).isEqualTo(403);
			// A wrong password for a user that does not exist: Camunda's login throttling would lock a real one.
			assertThat(api().get(path, "nosuchuser", "wrong-password-2026").status()).as(path).isEqualTo(401);
		}
		assertThat(api().get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
		// Not exposed at all: environment, configuration, heap dumps.
		for (String path : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump")) {
			assertThat(api().get(path, ADMIN, ADMIN_PASSWORD).status()).as(path).isEqualTo(404);
		}
	}

	@Test
	void prometheusCountsJobsOpenTasksPerGroupAndFilingsPerOutcome() throws Exception {
		ProcessInstance filing = startFiling(FilingFixtures.application(FilingFixtures.newUscc()));
		// The job executor runs the eligibility check; then 初审和推荐 is open for Shanghai.
		await(Duration.ofSeconds(60),
				() -> tasks.createTaskQuery().processInstanceId(filing.getId()).taskCandidateGroup("recommender-310000")
					.count() == 1);
		await(Duration.ofSeconds(60), () -> {
			String text = api().get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body();
			return value(text, "camunda_tasks_open{application=\"ip-outlet-filing\",group=\"recommender-310000\"}") >= 1
					&& value(text, "outlet_filings{application=\"ip-outlet-filing\",outcome=\"IN_PROGRESS\"}") >= 1
					&& value(text, "camunda_jobs_executed_total{application=\"ip-outlet-filing\"}") >= 1;
		});
		String text = api().get("/actuator/prometheus", ADMIN, ADMIN_PASSWORD).body();
		assertThat(text).contains("camunda_jobs_failed_total", "camunda_optimistic_locking_exceptions_total",
				"camunda_incidents_open{application=\"ip-outlet-filing\",type=\"failedJob\"}", "camunda_jobs_due",
				"camunda_jobs_without_retries", "outlet_filings{application=\"ip-outlet-filing\",outcome=\"FILED\"}",
				"camunda_tasks_open{application=\"ip-outlet-filing\",group=\"cnipa-reviewers\"}");
	}

	@Test
	void everyLogLineOfAJobCarriesTheBusinessKey() {
		engine.getJobExecutor().shutdown();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		try {
			ProcessInstance filing = startFiling(FilingFixtures.application(FilingFixtures.newUscc()));
			Job eligibility = management.createJobQuery().processInstanceId(filing.getId()).singleResult();
			root.addAppender(lines);
			management.executeJob(eligibility.getId());
			root.detachAppender(lines);

			String thread = Thread.currentThread().getName();
			List<ILoggingEvent> jobLines = new ArrayList<>(
					lines.list.stream().filter(e -> e.getThreadName().equals(thread)).toList());
			assertThat(jobLines).extracting(ILoggingEvent::getFormattedMessage)
				.anyMatch(m -> m.contains("eligibility"));
			assertThat(jobLines).allSatisfy(e -> assertThat(e.getMDCPropertyMap())
				.as(e.getFormattedMessage())
				.containsEntry("businessKey", filing.getBusinessKey()));
		}
		finally {
			root.detachAppender(lines);
			engine.getJobExecutor().start();
		}
	}

	/** README "Benchmark": acquisition filters on the due date, so the job table has its index on PostgreSQL too. */
	@Test
	void theJobTableHasItsDueDateIndex() {
		assertThat(jdbc.queryForList("select indexdef from pg_indexes where tablename = 'act_ru_job' and indexname = ?",
				String.class, EngineIndexes.JOB_DUE_DATE.toLowerCase()))
			.singleElement().asString().containsIgnoringCase("(duedate_)");
	}

	/** README "Benchmark": the authorization check reads the user's rows by index on PostgreSQL too. */
	@Test
	void theAuthorizationTableHasItsUserIndex() {
		assertThat(jdbc.queryForList(
				"select indexdef from pg_indexes where tablename = 'act_ru_authorization' and indexname = ?",
				String.class, EngineIndexes.AUTHORIZATION_USER.toLowerCase()))
			.singleElement().asString().containsIgnoringCase("(user_id_)");
	}

	@Test
	void webappCookiesAreSecure() {
		Response page = api().get("/camunda/app/tasklist/default/");
		List<String> cookies = page.raw().headers().allValues("Set-Cookie");
		assertThat(cookies).isNotEmpty();
		assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
	}

	@Test
	void historyCleanupIsRemovalTimeBasedInANightlyWindow() {
		assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(engine.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
		assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
		// The engine schedules the nightly cleanup job itself.
		List<Job> cleanupJobs = history.findHistoryCleanupJobs();
		assertThat(cleanupJobs).isNotEmpty();
		assertThat(cleanupJobs.get(0).getDuedate().toInstant().atOffset(java.time.ZoneOffset.ofHours(8)).getHour())
			.isBetween(1, 4);
		assertThat(repositoryTtl("outlet-filing")).isEqualTo(3650);
		assertThat(repositoryTtl("outlet-lifecycle")).isEqualTo(3650);
	}

	@Test
	void historyCleanupRemovesAnInstanceTenYearsAfterItEndedAndKeepsRecentAndRunningOnes() {
		engine.getJobExecutor().shutdown();
		try {
			ClockUtil.setCurrentTime(date("2026-03-02T10:00:00+08:00"));
			ProcessInstance old = endIneligible();
			ProcessInstance running = startFiling(FilingFixtures.application(FilingFixtures.newUscc()));
			runJobs(running.getId());
			assertThat(tasks.createTaskQuery().processInstanceId(running.getId()).count()).isEqualTo(1);

			ClockUtil.setCurrentTime(date("2036-03-01T10:00:00+08:00")); // 3652 days later
			ProcessInstance recent = endIneligible();
			ClockUtil.setCurrentTime(date("2036-03-01T11:00:00+08:00"));

			assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old.getId()).count()).isPositive();
			for (int round = 0; round < 5
					&& history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).count() > 0; round++) {
				Job cleanup = history.cleanUpHistoryAsync(true);
				management.executeJob(cleanup.getId());
			}

			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(old.getId()).count()).isZero();
			assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(old.getId()).count()).isZero();
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(old.getId()).count()).isZero();
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(recent.getId()).count()).isEqualTo(1);
			assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(recent.getId()).count()).isPositive();
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).count())
				.isEqualTo(1);
			// The application's own record of the old application is no history: it stays.
			assertThat(jdbc.queryForObject("select outcome from filing_application where application_no = ?",
					String.class, old.getBusinessKey())).isEqualTo("INELIGIBLE");
		}
		finally {
			ClockUtil.reset();
			engine.getJobExecutor().start();
		}
	}

	private Integer repositoryTtl(String key) {
		return engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getHistoryTimeToLive();
	}

	/** An application of an institution that is not a provincial outlet: refused by eligibility (Art. 7(一)). */
	private ProcessInstance endIneligible() {
		Map<String, Object> application = FilingFixtures.applicationOutsideRegister(FilingFixtures.newUscc());
		ProcessInstance instance = startFiling(application);
		runJobs(instance.getId());
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getEndTime()).isNotNull();
		return instance;
	}

	private ProcessInstance startFiling(Map<String, Object> variables) {
		return runtime.startProcessInstanceByKey("outlet-filing", variables);
	}

	private void runJobs(String processInstanceId) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
	}

	private static Date date(String isoOffsetDateTime) {
		return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
	}

	/** The value of one Prometheus sample line, or -1 when it is missing. */
	static double value(String prometheus, String sample) {
		for (String line : prometheus.split("\n")) {
			if (line.startsWith(sample + " ")) {
				return Double.parseDouble(line.substring(sample.length() + 1).trim());
			}
		}
		return -1;
	}

	private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("Condition not met within " + timeout);
			}
			Thread.sleep(500);
		}
	}

}
