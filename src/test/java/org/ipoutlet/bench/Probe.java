package org.ipoutlet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the benchmark records inside the application: the time and the JDBC statements of every
 * outermost engine command, by step (README "Benchmark"). The driver names the step of its own
 * calls; a job is named by its process and activity, the job executor's acquisition "acquire".
 */
final class Probe {

	/** The step the calling thread's next engine command belongs to. */
	private static final ThreadLocal<String> STEP = new ThreadLocal<>();
	/** The activity of the job the thread executes (set inside the command). */
	static final ThreadLocal<String> JOB = new ThreadLocal<>();
	/** JDBC statements the thread has executed so far. */
	private static final ThreadLocal<long[]> THREAD_STATEMENTS = ThreadLocal.withInitial(() -> new long[1]);

	private static final Map<String, Step> STEPS = new ConcurrentHashMap<>();
	private static final AtomicLong STATEMENTS = new AtomicLong();

	private Probe() {
	}

	static <T> T as(String step, Supplier<T> call) {
		String before = STEP.get();
		STEP.set(step);
		try {
			return call.get();
		}
		finally {
			STEP.set(before);
		}
	}

	static void as(String step, Runnable call) {
		as(step, () -> {
			call.run();
			return null;
		});
	}

	static String step() {
		return STEP.get();
	}

	static void statement(int count) {
		THREAD_STATEMENTS.get()[0] += count;
		STATEMENTS.addAndGet(count);
	}

	static long threadStatements() {
		return THREAD_STATEMENTS.get()[0];
	}

	static long statements() {
		return STATEMENTS.get();
	}

	static void record(String step, long nanos, long statements) {
		STEPS.computeIfAbsent(step, s -> new Step()).add(nanos, statements);
	}

	static void reset() {
		STEPS.clear();
	}

	/** Each step's figures since the last reset, by name. */
	static Map<String, Step.Figures> snapshot() {
		Map<String, Step.Figures> out = new TreeMap<>();
		STEPS.forEach((name, step) -> out.put(name, step.figures()));
		return out;
	}

	static final class Step {

		private final List<Long> nanos = new ArrayList<>();
		private long statements;

		synchronized void add(long time, long count) {
			nanos.add(time);
			statements += count;
		}

		synchronized Figures figures() {
			return new Figures(nanos.size(), Stats.millis(nanos), nanos.isEmpty() ? 0 : (double) statements / nanos.size());
		}

		record Figures(int count, Stats.Summary millis, double statementsPerCall) {
		}

	}

}
