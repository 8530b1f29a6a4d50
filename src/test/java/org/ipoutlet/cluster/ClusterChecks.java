package org.ipoutlet.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;

/** What must hold in the shared database after the cluster has filed every application. */
final class ClusterChecks {

	private ClusterChecks() {
	}

	/**
	 * Every one of {@code expected} applications FILED exactly once: one register row, one registration,
	 * one outlet-lifecycle each; filing numbers unique and contiguous per year; no incident, no job of the
	 * filing left, nothing due left undone.
	 */
	static void everyFilingDoneExactlyOnce(JdbcTemplate jdbc, int expected, SharedClock clock) throws InterruptedException {
		assertThat(jdbc.queryForList("select coalesce(outcome, 'IN_PROGRESS') as outcome, count(*) as n "
				+ "from filing_application group by outcome")).as("applications by outcome")
			.containsExactly(Map.of("outcome", "FILED", "n", (long) expected));
		assertThat(jdbc.queryForObject("select count(distinct uscc) from filing_application", Integer.class))
			.as("one application per institution").isEqualTo(expected);

		assertThat(jdbc.queryForObject("select count(*) from outlet", Integer.class)).as("register rows")
			.isEqualTo(expected);
		assertThat(jdbc.queryForObject("select count(distinct application_no) from outlet", Integer.class))
			.as("no duplicate register row for an application").isEqualTo(expected);
		assertThat(jdbc.queryForObject("select count(distinct uscc) from outlet", Integer.class))
			.as("no duplicate register row for an institution").isEqualTo(expected);

		Map<Integer, List<Integer>> numbersByYear = new TreeMap<>();
		for (String filingNo : jdbc.queryForList("select filing_no from outlet", String.class)) {
			String[] parts = filingNo.split("-");
			numbersByYear.computeIfAbsent(Integer.parseInt(parts[1]), y -> new ArrayList<>())
				.add(Integer.parseInt(parts[2]));
		}
		numbersByYear.forEach((year, numbers) -> {
			numbers.sort(null);
			assertThat(numbers).as("filing numbers of " + year + " unique and contiguous")
				.containsExactlyElementsOf(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
		});

		assertThat(jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = 'Task_Registration' "
				+ "and end_time_ is not null", Integer.class)).as("registrations completed").isEqualTo(expected);
		assertThat(jdbc.queryForList("select proc_inst_id_ from act_hi_actinst where act_id_ = 'Task_Registration' "
				+ "and end_time_ is not null group by proc_inst_id_ having count(*) > 1", String.class))
			.as("no application registered twice").isEmpty();

		assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'outlet-lifecycle'",
				Integer.class)).as("outlet-lifecycle instances").isEqualTo(expected);
		assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst p join outlet o on o.filing_no = p.business_key_ "
				+ "where p.proc_def_key_ = 'outlet-lifecycle'", Integer.class))
			.as("one outlet-lifecycle per outlet, by filing number").isEqualTo(expected);
		assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'outlet-filing' "
				+ "and state_ = 'COMPLETED'", Integer.class)).as("outlet-filing instances completed").isEqualTo(expected);

		assertThat(jdbc.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = 'outlet-filing'",
				Integer.class)).as("jobs of outlet-filing left").isZero();
		assertThat(jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Integer.class))
			.as("failed jobs").isZero();
		awaitNoDueJob(jdbc, clock, Duration.ofMinutes(3));
	}

	/** The lifecycles' own first steps run on the job executors too; wait until nothing is due on the nodes' clock. */
	static void awaitNoDueJob(JdbcTemplate jdbc, SharedClock clock, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		int due;
		do {
			due = jdbc.queryForObject("select count(*) from act_ru_job where retries_ > 0 "
					+ "and suspension_state_ = 1 and (duedate_ is null or duedate_ <= ?)", Integer.class,
					Timestamp.from(clock.now()));
			if (due == 0) {
				return;
			}
			Thread.sleep(1000);
		}
		while (System.nanoTime() < end);
		assertThat(due).as("jobs due but not executed").isZero();
	}

	/** Successful job executions by node (ACT_HI_JOB_LOG.HOSTNAME_, set per node). */
	static Map<String, Long> jobsByNode(JdbcTemplate jdbc) {
		Map<String, Long> byNode = new HashMap<>();
		jdbc.query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_",
				row -> {
					byNode.put(row.getString(1), row.getLong(2));
				});
		return byNode;
	}

	/** Log lines mentioning an OptimisticLockingException (the engine logs each rolled-back job). */
	static long optimisticLockLines(String log) {
		return log.lines().filter(line -> line.contains("OptimisticLockingException")).count();
	}

}
