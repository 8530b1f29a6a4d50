package org.ipoutlet.bench;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The benchmark's instruments in the application's context (README "Benchmark"): every JDBC
 * statement is counted (datasource-proxy around the application's DataSource), every outermost engine
 * command is timed by step (a command interceptor, outermost, so commit and flush are included).
 */
@TestConfiguration(proxyBeanMethods = false)
class BenchEngine {

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !beanName.contains("scopedTarget")) {
					return ProxyDataSourceBuilder.create(dataSource).name("bench").listener(new Counter()).build();
				}
				return bean;
			}
		};
	}

	@Bean
	AbstractProcessEnginePlugin timingPlugin() {
		return new AbstractProcessEnginePlugin() {
			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				List<CommandInterceptor> pre = new ArrayList<>();
				if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
					pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
				}
				pre.add(0, new Timing());
				configuration.setCustomPreCommandInterceptorsTxRequired(pre);
				List<CommandInterceptor> post = new ArrayList<>();
				if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
					post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
				}
				post.add(new JobNames());
				configuration.setCustomPostCommandInterceptorsTxRequired(post);
			}
		};
	}

	/** Counts statements per thread: a batch counts its statements. */
	static final class Counter implements QueryExecutionListener {

		@Override
		public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		}

		@Override
		public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
			Probe.statement(execInfo.isBatch() ? Math.max(1, execInfo.getBatchSize()) : Math.max(1, queryInfoList.size()));
			Capture.offer(queryInfoList);
		}

	}

	record Captured(String sql, List<Object> parameters) {
	}

	/** Captures the statements (with their parameters) that contain a text, e.g. to EXPLAIN them. */
	static final class Capture {

		private static volatile String containing;
		private static final List<Captured> CAPTURED = new java.util.concurrent.CopyOnWriteArrayList<>();

		static void start(String text) {
			CAPTURED.clear();
			containing = text;
		}

		static List<Captured> stop() {
			containing = null;
			return List.copyOf(CAPTURED);
		}

		static void offer(List<QueryInfo> queries) {
			String text = containing;
			if (text == null) {
				return;
			}
			for (QueryInfo query : queries) {
				if (!query.getQuery().contains(text)) {
					continue;
				}
				java.util.TreeMap<Integer, Object> byIndex = new java.util.TreeMap<>();
				List<net.ttddyy.dsproxy.proxy.ParameterSetOperation> sets = query.getParametersList().isEmpty() ? List.of()
						: query.getParametersList().get(0);
				for (net.ttddyy.dsproxy.proxy.ParameterSetOperation set : sets) {
					Object[] args = set.getArgs();
					if (args.length >= 2 && args[0] instanceof Integer index) {
						byIndex.put(index, args[1]);
					}
				}
				CAPTURED.add(new Captured(query.getQuery(), new ArrayList<>(byIndex.values())));
			}
		}

	}

	/** Times the outermost command of a thread and files it under its step. */
	static final class Timing extends CommandInterceptor {

		private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

		@Override
		public <T> T execute(Command<T> command) {
			int[] depth = DEPTH.get();
			if (depth[0]++ > 0) {
				try {
					return next.execute(command);
				}
				finally {
					depth[0]--;
				}
			}
			long statements = Probe.threadStatements();
			long start = System.nanoTime();
			boolean failed = true;
			try {
				T result = next.execute(command);
				failed = false;
				return result;
			}
			finally {
				long nanos = System.nanoTime() - start;
				depth[0]--;
				String step = step(command);
				Probe.JOB.remove();
				Probe.record(failed ? step + " (failed)" : step, nanos, Probe.threadStatements() - statements);
			}
		}

		private static String step(Command<?> command) {
			if (command instanceof AcquireJobsCmd) {
				return "acquire";
			}
			if (command instanceof ExecuteJobsCmd) {
				String job = Probe.JOB.get();
				return "job " + (job == null ? "?" : job);
			}
			String step = Probe.step();
			return step != null ? step : "other " + command.getClass().getSimpleName();
		}

	}

	/** Inside the command context: names the job about to run by its process and activity. */
	static final class JobNames extends CommandInterceptor {

		private static final Field JOB_ID = field();

		@Override
		public <T> T execute(Command<T> command) {
			if (command instanceof ExecuteJobsCmd && JOB_ID != null && Probe.JOB.get() == null) {
				try {
					String jobId = (String) JOB_ID.get(command);
					// The same lookup the command makes first: it reads the job from the session's cache.
					JobEntity job = Context.getCommandContext().getJobManager().findJobById(jobId);
					if (job != null) {
						// An activity's continuation after it (asyncAfter) is told apart from the activity itself.
						var definition = job.getJobDefinitionId() == null ? null
								: Context.getCommandContext().getJobDefinitionManager().findById(job.getJobDefinitionId());
						String after = definition != null && "async-after".equals(definition.getJobConfiguration())
								? " (after)" : "";
						Probe.JOB.set(job.getProcessDefinitionKey() + " " + job.getActivityId() + after);
					}
				}
				catch (IllegalAccessException ex) {
					Probe.JOB.set("?");
				}
			}
			return next.execute(command);
		}

		private static Field field() {
			try {
				Field field = ExecuteJobsCmd.class.getDeclaredField("jobId");
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException ex) {
				return null;
			}
		}

	}

}
