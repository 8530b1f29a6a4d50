package org.ipoutlet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures under load, on two nodes and one PostgreSQL: a node killed with {@code kill -9} while it
 * executes registrations, then PostgreSQL stopped for 20 s. Each time every filing completes, none is
 * lost and none is done twice.
 */
class FailuresClusterIT {

	static final int PER_PHASE = Integer.getInteger("cluster.failure-filings", 200);

	@Test
	void aKilledNodeAndARestartedDatabaseLoseNothingAndDoNothingTwice() throws Exception {
		Path work = ClusterSupport.workDirectory("failures");
		try (ClusterDatabase database = new ClusterDatabase(work)) {
			database.start();
			JdbcTemplate jdbc = database.jdbc();
			SharedClock clock = new SharedClock(work);
			Node a = Node.current("node-a", ClusterSupport.jar(), database, work).withClock(clock);
			Node b = Node.current("node-b", ClusterSupport.jar(), database, work).withClock(clock);
			try (a; b; ClusterDriver driver = new ClusterDriver(List.of(a, b), clock)) {
				a.start();
				a.awaitReady(Duration.ofMinutes(8));
				b.start();
				b.awaitReady(Duration.ofMinutes(8));
				driver.createUsers();

				crash(jdbc, a, b, driver, work);
				databaseRestart(database, jdbc, a, b, driver);
			}
		}
	}

	/** kill -9 of node b once it is executing registrations; b comes back later as a new JVM. */
	private void crash(JdbcTemplate jdbc, Node a, Node b, ClusterDriver driver, Path work) throws Exception {
		long started = System.nanoTime();
		CompletableFuture<Void> submissions = submitInBackground(driver, 0, PER_PHASE);
		AtomicBoolean killed = new AtomicBoolean();
		AtomicBoolean restarted = new AtomicBoolean();
		AtomicInteger lockedAtKill = new AtomicInteger();
		AtomicInteger registrationsBeforeKill = new AtomicInteger();
		driver.workUntil(() -> ClusterDriver.filed(jdbc) == PER_PHASE, Duration.ofMinutes(30), () -> {
			try {
				if (!killed.get()) {
					int lockedRegistrations = jdbc.queryForObject("select count(*) from act_ru_job j join act_ru_jobdef d "
							+ "on d.id_ = j.job_def_id_ where d.act_id_ = 'Task_Registration' and d.job_configuration_ = 'async-before' "
							+ "and j.lock_owner_ is not null "
							+ "and j.lock_exp_time_ > ?",
							Integer.class, Timestamp.from(driver.clock().now()));
					int doneByB = jdbc.queryForObject("select count(*) from act_hi_job_log where hostname_ = 'node-b' "
							+ "and act_id_ = 'Task_Registration' and job_def_configuration_ = 'async-before' and job_state_ = 2",
							Integer.class);
					if (lockedRegistrations >= 2 && doneByB >= 5) {
						b.kill();
						killed.set(true);
						lockedAtKill.set(lockedRegistrations);
						registrationsBeforeKill.set(doneByB);
					}
				}
				else if (!restarted.get() && ClusterDriver.filed(jdbc) >= PER_PHASE * 3 / 4) {
					b.start();
					restarted.set(true);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		submissions.get();
		assertThat(killed).as("node b was killed while executing registrations").isTrue();
		if (!restarted.get()) {
			b.start();
		}
		b.awaitReady(Duration.ofMinutes(8));

		ClusterChecks.everyFilingDoneExactlyOnce(jdbc, PER_PHASE, driver.clock());
		ClusterSupport.report(String.format(
				"crash: kill -9 of node-b after it had registered %d, with %d registration jobs locked (in flight) in the "
						+ "cluster; %d filings FILED in %.0f s = %.2f filings/s; jobs by node %s; OLE log lines %d; "
						+ "failed HTTP requests retried %d",
				registrationsBeforeKill.get(), lockedAtKill.get(), PER_PHASE, seconds, PER_PHASE / seconds,
				ClusterChecks.jobsByNode(jdbc), ClusterChecks.optimisticLockLines(a.logText() + b.logText()),
				driver.failedRequests.get()));
	}

	/** PostgreSQL stopped for 20 s while filings are submitted and worked, then started again. */
	private void databaseRestart(ClusterDatabase database, JdbcTemplate jdbc, Node a, Node b, ClusterDriver driver)
			throws Exception {
		int failedBefore = driver.failedRequests.get();
		long started = System.nanoTime();
		CompletableFuture<Void> submissions = submitInBackground(driver, PER_PHASE, PER_PHASE);
		CompletableFuture<Double> outage = CompletableFuture.supplyAsync(() -> {
			try {
				while (ClusterDriver.filed(jdbc) < PER_PHASE + 30) {
					Thread.sleep(500);
				}
				long down = System.nanoTime();
				database.stop();
				Thread.sleep(20_000);
				database.start();
				return (System.nanoTime() - down) / 1e9;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		driver.workUntil(() -> outage.isDone() && ClusterDriver.filed(jdbc) == 2 * PER_PHASE, Duration.ofMinutes(30),
				() -> {
				});
		double seconds = (System.nanoTime() - started) / 1e9;
		submissions.get();
		// Both nodes recovered by themselves: healthy again (database, engine, job executor).
		a.awaitReady(Duration.ofMinutes(2));
		b.awaitReady(Duration.ofMinutes(2));
		ClusterChecks.everyFilingDoneExactlyOnce(jdbc, 2 * PER_PHASE, driver.clock());
		int retried = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1", Integer.class);
		ClusterSupport.report(String.format(
				"database restart: PostgreSQL down %.1f s under load; %d filings FILED in %.0f s; job failures recorded "
						+ "(retried) %d; failed HTTP requests retried %d; jobs by node %s",
				outage.get(), PER_PHASE, seconds, retried, driver.failedRequests.get() - failedBefore,
				ClusterChecks.jobsByNode(jdbc)));
	}

	static CompletableFuture<Void> submitInBackground(ClusterDriver driver, int from, int count) {
		return CompletableFuture.runAsync(() -> {
			try {
				driver.submit(from, count);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

}
