package org.ipoutlet;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Tests run without the job executor: they execute due jobs (continuations, due timers) by hand. */
public final class Jobs {

	private Jobs() {
	}

	/** Executes every due job of a process instance, and those they create, until none is due. */
	public static void runDue(ManagementService management, String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> management.executeJob(job.getId()));
		}
		throw new IllegalStateException("Jobs keep coming for " + processInstanceId);
	}

}
