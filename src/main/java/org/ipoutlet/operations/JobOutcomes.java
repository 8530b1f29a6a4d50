package org.ipoutlet.operations;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Counts, on this node, the jobs executed and failed and the {@link OptimisticLockingException}s of
 * every engine command (two nodes, or a node and a user, changing the same instance at once: the
 * engine rolls one back and the job executor retries it). The counter sits outside the transaction,
 * so a job counts as executed only once it committed. Exposed by {@link EngineMetrics}.
 */
@Component
class JobOutcomes extends AbstractProcessEnginePlugin {

	private final AtomicLong executed = new AtomicLong();
	private final AtomicLong failed = new AtomicLong();
	private final AtomicLong optimisticLocks = new AtomicLong();
	private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new Counting());
	}

	long executed() {
		return executed.get();
	}

	long failed() {
		return failed.get();
	}

	long optimisticLocks() {
		return optimisticLocks.get();
	}

	static boolean isOptimisticLock(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof OptimisticLockingException) {
				return true;
			}
		}
		return false;
	}

	private class Counting extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			int[] level = depth.get();
			boolean outermost = level[0] == 0;
			level[0]++;
			try {
				T result = next.execute(command);
				if (outermost && command instanceof ExecuteJobsCmd) {
					executed.incrementAndGet();
				}
				return result;
			}
			catch (RuntimeException ex) {
				if (outermost) {
					if (isOptimisticLock(ex)) {
						optimisticLocks.incrementAndGet();
					}
					else if (command instanceof ExecuteJobsCmd) {
						failed.incrementAndGet();
					}
				}
				throw ex;
			}
			finally {
				level[0]--;
			}
		}

	}

}
