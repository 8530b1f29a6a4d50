package org.ipoutlet.operations;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code jobBacklog}: the jobs due now across all nodes and the failed ones waiting for
 * an administrator. The backlog is shared by every node, so it informs monitoring and never takes a node
 * out of the load balancer: UP while the database answers, DOWN when it cannot be read.
 */
@Component("jobBacklog")
class JobBacklogHealthIndicator extends AbstractHealthIndicator {

	private final EngineState state;

	JobBacklogHealthIndicator(EngineState state) {
		super("Job backlog not readable");
		this.state = state;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		EngineState.Snapshot snapshot = state.current();
		if (snapshot.error() != null) {
			builder.down().withDetail("error", snapshot.error());
			return;
		}
		builder.up()
			.withDetail("dueJobs", snapshot.dueJobs())
			.withDetail("jobsWithoutRetries", snapshot.jobsWithoutRetries())
			.withDetail("incidents", snapshot.incidents());
	}

}
