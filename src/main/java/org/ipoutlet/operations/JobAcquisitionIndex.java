package org.ipoutlet.operations;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the job executor's acquisition needs once the register is large (README "Benchmark"):
 * every filed outlet keeps three far-future timer jobs (annual summary, renewal window, expiry), and
 * the acquisition query filters on the due date, so without an index on {@code ACT_RU_JOB.DUEDATE_}
 * each acquisition reads every timer of the register. The engine's tables are the engine's (created
 * by its own DDL, possibly after Flyway has run), so the index is created here, right after the engine
 * has built its schema, if it is missing; the statement is the same on H2 and PostgreSQL. Setting
 * {@code outlet.operations.job-due-date-index} (default true; false only to measure without it).
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
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		if (!enabled) {
			log.warn("Index {} on ACT_RU_JOB(DUEDATE_) not created (outlet.operations.job-due-date-index=false)", INDEX);
			return;
		}
		try {
			new JdbcTemplate(dataSource).execute("create index if not exists " + INDEX + " on ACT_RU_JOB (DUEDATE_)");
			log.debug("Index {} on ACT_RU_JOB(DUEDATE_) is in place", INDEX);
		}
		catch (DataAccessException e) {
			// Two nodes starting at once may race to create it; the index speeds acquisition up, the node
			// works without it, so a failure is told, not fatal.
			log.warn("Index {} on ACT_RU_JOB(DUEDATE_) could not be created: {}", INDEX, e.getMostSpecificCause().getMessage());
		}
	}

}
