package org.ipoutlet.operations;

import java.sql.Timestamp;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Job acquisition that reads only due jobs, however large the register (README "Benchmark"): every
 * filed outlet keeps three far-future timer jobs (annual summary, renewal window, expiry), and the
 * acquisition query filters on the due date. Two things make that filter an index range:
 * <ul>
 * <li>the engine gives every new job a due date (now, for a continuation), so the query asks
 * {@code DUEDATE_ <= now} instead of {@code DUEDATE_ is null or DUEDATE_ <= now}, which H2 answers only
 * by reading the whole table (the engine's {@code ensureJobDueDateNotNull}); jobs left without one by
 * an earlier release get the start-up time, here, before the job executor starts;</li>
 * <li>an index on {@code ACT_RU_JOB.DUEDATE_}: the engine's tables are the engine's (created by its own
 * DDL, possibly after Flyway has run), so it is created here, right after the engine has built its
 * schema, if it is missing; the statements are the same on H2 and PostgreSQL.</li>
 * </ul>
 * Setting {@code outlet.operations.job-due-date-index} (default true; false only to measure without
 * either).
 */
@Component
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

	static final String INDEX = "OUTLET_IDX_JOB_DUEDATE";

	private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

	private final DataSource dataSource;
	private final boolean enabled;

	JobAcquisitionIndex(DataSource dataSource, @Value("${outlet.operations.job-due-date-index:true}") boolean enabled) {
		this.dataSource = dataSource;
		this.enabled = enabled;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnsureJobDueDateNotNull(enabled);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		if (!enabled) {
			log.warn("Index {} on ACT_RU_JOB(DUEDATE_) not created (outlet.operations.job-due-date-index=false)", INDEX);
			return;
		}
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		int dated = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null",
				new Timestamp(ClockUtil.getCurrentTime().getTime()));
		if (dated > 0) {
			log.info("{} job(s) without a due date from an earlier release are due now", dated);
		}
		try {
			jdbc.execute("create index if not exists " + INDEX + " on ACT_RU_JOB (DUEDATE_)");
			log.debug("Index {} on ACT_RU_JOB(DUEDATE_) is in place", INDEX);
		}
		catch (DataAccessException e) {
			// Two nodes starting at once may race to create it; the index speeds acquisition up, the node
			// works without it, so a failure is told, not fatal.
			log.warn("Index {} on ACT_RU_JOB(DUEDATE_) could not be created: {}", INDEX, e.getMostSpecificCause().getMessage());
		}
	}

}
