package org.ipoutlet.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.TaskCountByCandidateGroupResult;
import org.ipoutlet.filing.FilingOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cluster-wide state behind health and metrics, read from the shared database (every node reports
 * the same numbers) and cached for {@link #MAX_AGE}, so frequent polling costs a few queries per
 * interval. A failed read keeps the previous numbers and reports the failure.
 */
@Component
class EngineState {

	static final Duration MAX_AGE = Duration.ofSeconds(10);

	/** Filings without an outcome yet. */
	static final String IN_PROGRESS = FilingOutcome.IN_PROGRESS;

	/** Open tasks without a candidate group (assigned to an applicant or an outlet). */
	static final String NO_GROUP = "none";

	/** The engine's built-in incident types. */
	static final List<String> INCIDENT_TYPES = List.of(Incident.FAILED_JOB_HANDLER_TYPE,
			Incident.EXTERNAL_TASK_HANDLER_TYPE);

	private static final Logger log = LoggerFactory.getLogger(EngineState.class);

	private final ManagementService management;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final JdbcTemplate jdbc;

	private Snapshot snapshot = Snapshot.EMPTY;
	private long readAt;

	EngineState(ManagementService management, RuntimeService runtime, TaskService tasks, JdbcTemplate jdbc) {
		this.management = management;
		this.runtime = runtime;
		this.tasks = tasks;
		this.jdbc = jdbc;
	}

	/**
	 * @param dueJobs jobs ready to run now (retries left, due, not suspended): the job executors' backlog
	 * @param jobsWithoutRetries failed jobs waiting for an administrator (each also has an incident)
	 * @param incidents open incidents by type
	 * @param openTasksByGroup open tasks by candidate group
	 * @param filingsByOutcome filing applications by outcome, {@code IN_PROGRESS} while open
	 * @param error the last read's failure, or null
	 */
	record Snapshot(long dueJobs, long jobsWithoutRetries, Map<String, Long> incidents, Map<String, Long> openTasksByGroup,
			Map<String, Long> filingsByOutcome, String error) {

		static final Snapshot EMPTY = new Snapshot(0, 0, Map.of(), Map.of(), Map.of(), null);

		Snapshot failed(String failure) {
			return new Snapshot(dueJobs, jobsWithoutRetries, incidents, openTasksByGroup, filingsByOutcome, failure);
		}
	}

	synchronized Snapshot current() {
		long now = System.nanoTime();
		if (readAt == 0 || now - readAt > MAX_AGE.toNanos()) {
			snapshot = read();
			readAt = now;
		}
		return snapshot;
	}

	private Snapshot read() {
		try {
			long due = management.createJobQuery().executable().count();
			long withoutRetries = management.createJobQuery().noRetriesLeft().count();
			Map<String, Long> incidents = new HashMap<>();
			for (String type : INCIDENT_TYPES) {
				incidents.put(type, runtime.createIncidentQuery().incidentType(type).count());
			}
			Map<String, Long> byGroup = new HashMap<>();
			for (TaskCountByCandidateGroupResult row : tasks.createTaskReport().taskCountByCandidateGroup()) {
				byGroup.merge(row.getGroupName() == null ? NO_GROUP : row.getGroupName(), (long) row.getTaskCount(),
						Long::sum);
			}
			Map<String, Long> byOutcome = new HashMap<>();
			jdbc.query("select outcome, count(*) from filing_application group by outcome",
					row -> {
						String outcome = row.getString(1);
						byOutcome.put(outcome == null ? IN_PROGRESS : outcome, row.getLong(2));
					});
			return new Snapshot(due, withoutRetries, incidents, byGroup, byOutcome, null);
		}
		catch (RuntimeException ex) {
			log.warn("Engine state not readable: {}", ex.toString());
			return snapshot.failed(ex.getClass().getSimpleName());
		}
	}

}
