package org.ipoutlet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rolling update: a node of the previous release and a node of this build on one database. The
 * previous release is built from git: {@code cluster.previous} if set, else the commit this branch
 * started from ({@code git merge-base HEAD main}), or, on main itself, the first parent of HEAD (main
 * before the last merge). It must keep working next to the new node, and start again on the schema
 * the new node migrated (Flyway: one release backward compatible).
 */
class RollingUpgradeClusterIT {

	static final int FILINGS = Integer.getInteger("cluster.upgrade-filings", 150);

	@Test
	void previousAndNewReleaseWorkSideBySideAndThePreviousOneRestartsOnTheNewSchema() throws Exception {
		Path work = ClusterSupport.workDirectory("upgrade");
		String previous = previousRelease();
		Path previousJar = buildPrevious(previous);
		int third = FILINGS / 3;
		try (ClusterDatabase database = new ClusterDatabase(work)) {
			database.start();
			JdbcTemplate jdbc = database.jdbc();
			SharedClock clock = new SharedClock(work);
			Node old = previousNode(previousJar, database, work).withClock(clock);
			Node current = Node.current("node-new", ClusterSupport.jar(), database, work).withClock(clock);
			try (old; current; ClusterDriver driver = new ClusterDriver(List.of(old, current), clock)) {
				// The previous release alone, as before the update.
				old.start();
				old.awaitReady(Duration.ofMinutes(8));
				driver.createUsers();
				driver.submit(0, third);
				driver.workUntil(() -> ClusterDriver.filed(jdbc) >= third / 2, Duration.ofMinutes(20), () -> {
				});

				// The new release joins (its migrations run), both work.
				current.start();
				current.awaitReady(Duration.ofMinutes(8));
				long joined = clock.now().toEpochMilli();
				driver.submit(third, third);
				driver.workUntil(() -> ClusterDriver.filed(jdbc) >= third + third / 2, Duration.ofMinutes(20), () -> {
				});
				String jobsSinceJoin = "select count(*) from act_hi_job_log where job_state_ = 2 and hostname_ = ? "
						+ "and timestamp_ > to_timestamp(? / 1000.0)";

				// The previous release restarts on the schema the new one migrated (a rollback would do this).
				old.stop();
				old.start();
				old.awaitReady(Duration.ofMinutes(8));
				driver.submit(2 * third, FILINGS - 2 * third);
				driver.workUntil(() -> ClusterDriver.filed(jdbc) == FILINGS, Duration.ofMinutes(20), () -> {
				});
				long oldJobs = jdbc.queryForObject(jobsSinceJoin, Long.class, "node-old", joined);
				long newJobs = jdbc.queryForObject(jobsSinceJoin, Long.class, "node-new", joined);
				assertThat(oldJobs).as("the previous release kept executing jobs next to the new one").isPositive();
				assertThat(newJobs).as("the new release executed jobs").isPositive();

				// The update ends: the previous release stops, the new one finishes alone.
				old.stop();
				ClusterChecks.everyFilingDoneExactlyOnce(jdbc, FILINGS, clock);
				ClusterSupport.report(String.format(
						"rolling upgrade from %s: %d filings FILED; jobs since the new node joined: previous %d, new %d; "
								+ "Flyway migrations %s",
						previous.substring(0, 10), FILINGS, oldJobs, newJobs, jdbc.queryForList(
								"select version from outlet_schema_history where version is not null order by installed_rank",
								String.class)));
			}
		}
	}

	/** The previous release does not know OUTLET_ADMIN_*: its administrator comes from Camunda's own property. */
	private static Node previousNode(Path jar, ClusterDatabase database, Path work) throws IOException {
		return new Node("node-old", jar, database.jdbcUrl(), work, "/api/outlets")
			.withArgument("--camunda.bpm.admin-user.id=" + Node.ADMIN)
			.withArgument("--camunda.bpm.admin-user.password=" + Node.ADMIN_PASSWORD);
	}

	static String previousRelease() throws Exception {
		String configured = System.getProperty("cluster.previous");
		if (configured != null && !configured.isBlank()) {
			return git("rev-parse", configured);
		}
		String head = git("rev-parse", "HEAD");
		// A checkout without a local main branch (CI on a detached commit) updates from the first parent.
		String base = hasRef("main") ? git("merge-base", "HEAD", "main") : head;
		return base.equals(head) ? git("rev-parse", "HEAD^1") : base;
	}

	/** {@code git archive} of the commit into target/cluster/previous-<sha>, packaged without tests; cached. */
	static Path buildPrevious(String commit) throws Exception {
		Path directory = Path.of("target", "cluster", "previous-" + commit.substring(0, 10)).toAbsolutePath();
		Path built = directory.resolve("target");
		if (Files.isDirectory(built)) {
			try (Stream<Path> jars = Files.list(built)) {
				var jar = jars.filter(p -> p.toString().endsWith(".jar")).findFirst();
				if (jar.isPresent()) {
					return jar.get();
				}
			}
		}
		Files.createDirectories(directory);
		File log = directory.resolveSibling("previous-build.log").toFile();
		run(new File("."), log, "sh", "-c", "git archive --format=tar " + commit + " | tar -x -C '" + directory + "'");
		run(directory.toFile(), log, "mvn", "-B", "-ntp", "-q", "-DskipTests", "package");
		try (Stream<Path> jars = Files.list(built)) {
			return jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
		}
	}

	private static boolean hasRef(String ref) throws Exception {
		return new ProcessBuilder("git", "rev-parse", "--verify", "--quiet", ref).redirectErrorStream(true)
			.start()
			.waitFor() == 0;
	}

	private static String git(String... arguments) throws Exception {
		String[] command = new String[arguments.length + 1];
		command[0] = "git";
		System.arraycopy(arguments, 0, command, 1, arguments.length);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes()).trim();
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + ": " + output);
		}
		return output;
	}

	private static void run(File directory, File log, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
		if (!process.waitFor(20, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed in " + directory + ", see " + log);
		}
	}

}
