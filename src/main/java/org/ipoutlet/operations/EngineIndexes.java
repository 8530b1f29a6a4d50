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
 * Two indexes the engine's schema lacks once the register and the task lists are large (README
 * "Benchmark"). The engine's tables are the engine's (created by its own DDL, possibly after Flyway
 * has run), so they are created here, right after the engine has built its schema, if missing; the
 * statements are the same on H2 and PostgreSQL, and a failure (two nodes racing at start-up) is told,
 * not fatal: the node works without them, only slower.
 * <ul>
 * <li><b>Job acquisition reads only due jobs</b> ({@value #JOB_DUE_DATE}): every filed outlet keeps
 * three far-future timer jobs (annual summary, renewal window, expiry). The engine gives every new job
 * a due date (now, for a continuation; its {@code ensureJobDueDateNotNull}), so the acquisition asks
 * {@code DUEDATE_ <= now} instead of {@code DUEDATE_ is null or DUEDATE_ <= now}, which H2 answers only
 * by reading the whole table; jobs an earlier release left without a due date get the start-up time,
 * here, before the job executor starts. Setting {@code outlet.operations.job-due-date-index}.</li>
 * <li><b>The authorization check finds the user's rows by index</b> ({@value #AUTHORIZATION_USER}): every
 * authorization-checked query (a Tasklist refresh makes about thirty) selects the authorizations of
 * the user or the user's groups; the engine's schema indexes the group column only, so the user's half
 * read the whole table, which holds two rows per open task. Setting
 * {@code outlet.operations.authorization-user-index}.</li>
 * </ul>
 * Both settings default to true; false only to measure without.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

	public static final String JOB_DUE_DATE = "OUTLET_IDX_JOB_DUEDATE";
	public static final String AUTHORIZATION_USER = "OUTLET_IDX_AUTH_USER_ID";

	private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);

	private final DataSource dataSource;
	private final boolean jobDueDate;
	private final boolean authorizationUser;

	EngineIndexes(DataSource dataSource, @Value("${outlet.operations.job-due-date-index:true}") boolean jobDueDate,
			@Value("${outlet.operations.authorization-user-index:true}") boolean authorizationUser) {
		this.dataSource = dataSource;
		this.jobDueDate = jobDueDate;
		this.authorizationUser = authorizationUser;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnsureJobDueDateNotNull(jobDueDate);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		if (jobDueDate) {
			int dated = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null",
					new Timestamp(ClockUtil.getCurrentTime().getTime()));
			if (dated > 0) {
				log.info("{} job(s) without a due date from an earlier release are due now", dated);
			}
		}
		index(jdbc, jobDueDate, JOB_DUE_DATE, "ACT_RU_JOB", "DUEDATE_", "outlet.operations.job-due-date-index");
		index(jdbc, authorizationUser, AUTHORIZATION_USER, "ACT_RU_AUTHORIZATION", "USER_ID_",
				"outlet.operations.authorization-user-index");
	}

	private static void index(JdbcTemplate jdbc, boolean enabled, String name, String table, String column,
			String setting) {
		if (!enabled) {
			log.warn("Index {} on {}({}) not created ({}=false)", name, table, column, setting);
			return;
		}
		try {
			jdbc.execute("create index if not exists " + name + " on " + table + " (" + column + ")");
			log.debug("Index {} on {}({}) is in place", name, table, column);
		}
		catch (DataAccessException e) {
			log.warn("Index {} on {}({}) could not be created: {}", name, table, column,
					e.getMostSpecificCause().getMessage());
		}
	}

}
