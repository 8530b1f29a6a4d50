package org.ipoutlet.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.ipoutlet.filing.FilingOutcome;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.Recommenders;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Prometheus metrics ({@code /actuator/prometheus}, administrators only). Per node:
 * {@code camunda_jobs_executed_total}, {@code camunda_jobs_failed_total},
 * {@code camunda_optimistic_locking_exceptions_total}. Cluster-wide, from the database:
 * {@code camunda_jobs_due}, {@code camunda_jobs_without_retries}, {@code camunda_incidents_open{type}},
 * {@code camunda_tasks_open{group}}, {@code outlet_filings{outcome}}.
 */
@Component
class EngineMetrics implements MeterBinder {

	private final JobOutcomes jobs;
	private final EngineState state;
	private final Recommenders recommenders;

	EngineMetrics(JobOutcomes jobs, EngineState state, Recommenders recommenders) {
		this.jobs = jobs;
		this.state = state;
		this.recommenders = recommenders;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("camunda.jobs.executed", jobs, JobOutcomes::executed)
			.description("Jobs this node executed and committed")
			.register(registry);
		FunctionCounter.builder("camunda.jobs.failed", jobs, JobOutcomes::failed)
			.description("Job executions on this node that failed (each costs a retry)")
			.register(registry);
		FunctionCounter.builder("camunda.optimistic.locking.exceptions", jobs, JobOutcomes::optimisticLocks)
			.description("Engine commands on this node rolled back by an OptimisticLockingException")
			.register(registry);

		gauge(registry, "camunda.jobs.due", "Jobs due and ready to run (all nodes)", s -> s.dueJobs());
		gauge(registry, "camunda.jobs.without.retries", "Failed jobs waiting for an administrator",
				s -> s.jobsWithoutRetries());
		for (String type : EngineState.INCIDENT_TYPES) {
			Gauge.builder("camunda.incidents.open", state, st -> st.current().incidents().getOrDefault(type, 0L))
				.description("Open incidents")
				.tag("type", type)
				.register(registry);
		}
		for (String group : groups()) {
			Gauge.builder("camunda.tasks.open", state, st -> st.current().openTasksByGroup().getOrDefault(group, 0L))
				.description("Open tasks by candidate group")
				.tag("group", group)
				.register(registry);
		}
		List<String> outcomes = new ArrayList<>();
		outcomes.add(EngineState.IN_PROGRESS);
		for (FilingOutcome outcome : FilingOutcome.values()) {
			outcomes.add(outcome.name());
		}
		for (String outcome : outcomes) {
			Gauge.builder("outlet.filings", state, st -> st.current().filingsByOutcome().getOrDefault(outcome, 0L))
				.description("Filing applications by outcome")
				.tag("outcome", outcome)
				.register(registry);
		}
	}

	private List<String> groups() {
		List<String> groups = new ArrayList<>(List.of(AppGroups.CNIPA_REVIEWERS, AppGroups.OUTLETS, EngineState.NO_GROUP));
		recommenders.recommenders().forEach(r -> groups.add(r.groupId()));
		return groups;
	}

	private void gauge(MeterRegistry registry, String name, String description,
			ToDoubleFunction<EngineState.Snapshot> value) {
		Gauge.builder(name, state, st -> value.applyAsDouble(st.current())).description(description).register(registry);
	}

}
