package org.ipoutlet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two nodes (two JVMs of the packaged jar, profile {@code postgres}) on one PostgreSQL, both executing
 * jobs: {@code cluster.filings} (500) applications driven to FILED, each exactly once.
 */
class TwoNodesClusterIT {

	static final int FILINGS = Integer.getInteger("cluster.filings", 500);

	@Test
	void twoNodesFileEveryApplicationExactlyOnce() throws Exception {
		Path work = ClusterSupport.workDirectory("two-nodes");
		try (ClusterDatabase database = new ClusterDatabase(work)) {
			database.start();
			JdbcTemplate jdbc = database.jdbc();
			SharedClock clock = new SharedClock(work);

			// Production without the first administrator refuses to start, saying what is missing.
			Node refused = Node.current("node-refused", ClusterSupport.jar(), database, work)
				.withEnvironment("OUTLET_ADMIN_PASSWORD", null);
			refused.start();
			assertThat(refused.awaitExit(Duration.ofMinutes(3))).isNotZero();
			assertThat(refused.logText()).contains("OUTLET_ADMIN_PASSWORD is not set")
				.contains("Set the environment variables OUTLET_ADMIN_ID and OUTLET_ADMIN_PASSWORD");

			try (Node a = Node.current("node-a", ClusterSupport.jar(), database, work).withClock(clock);
					Node b = Node.current("node-b", ClusterSupport.jar(), database, work).withClock(clock);
					ClusterDriver driver = new ClusterDriver(List.of(a, b), clock)) {
				// The first node alone on the fresh database (schema, deployment, groups), then the second.
				a.start();
				a.awaitReady(Duration.ofMinutes(8));
				b.start();
				b.awaitReady(Duration.ofMinutes(8));
				driver.createUsers();

				long started = System.nanoTime();
				CompletableFuture<Void> submissions = CompletableFuture.runAsync(() -> {
					try {
						driver.submit(0, FILINGS);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
				driver.workUntil(() -> ClusterDriver.filed(jdbc) == FILINGS, Duration.ofMinutes(40), () -> {
				});
				double seconds = (System.nanoTime() - started) / 1e9;
				submissions.get();

				ClusterChecks.everyFilingDoneExactlyOnce(jdbc, FILINGS, clock);
				Map<String, Long> jobsByNode = ClusterChecks.jobsByNode(jdbc);
				assertThat(jobsByNode).as("both nodes executed jobs").containsKeys("node-a", "node-b");
				assertThat(jobsByNode.get("node-a")).isPositive();
				assertThat(jobsByNode.get("node-b")).isPositive();

				double optimisticLocks = driver.scrape("camunda_optimistic_locking_exceptions_total");
				double executed = driver.scrape("camunda_jobs_executed_total");
				double failed = driver.scrape("camunda_jobs_failed_total");
				long oleLines = ClusterChecks.optimisticLockLines(a.logText()) + ClusterChecks.optimisticLockLines(b.logText());
				assertThat(executed).as("jobs executed, per the nodes' metrics")
					.isGreaterThanOrEqualTo(jobsByNode.values().stream().mapToLong(Long::longValue).sum());

				// Structured logs: a registration's log line is JSON with the application number as businessKey.
				assertRegistrationLinesCarryTheBusinessKey(a.logText() + b.logText());

				ClusterSupport.report(String.format(
						"two-nodes: %d filings FILED in %.0f s = %.2f filings/s; jobs by node %s; jobs failed %.0f; "
								+ "OptimisticLockingException %.0f (metric), %d log lines; failed HTTP requests retried %d; "
								+ "publicity ended by %d moves of the cluster clock (%.1f simulated days)",
						FILINGS, seconds, FILINGS / seconds, jobsByNode, failed, optimisticLocks, oleLines,
						driver.failedRequests.get(), driver.clockMoves.get(), clock.offsetMillis() / 86_400_000.0));
			}
		}
	}

	private static void assertRegistrationLinesCarryTheBusinessKey(String logs) throws Exception {
		ObjectMapper json = new ObjectMapper();
		List<String> lines = logs.lines().filter(line -> line.contains("filed as outlet")).toList();
		assertThat(lines).hasSize(FILINGS);
		for (String line : lines) {
			JsonNode entry = json.readTree(line);
			String message = entry.get("message").asText();
			assertThat(entry.get("businessKey").asText()).as(message).matches("SQ-\\d{4}-\\d{6}");
			assertThat(message).contains(entry.get("businessKey").asText());
		}
	}

}
