package org.ipoutlet.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * README "Benchmark": the job executor's acquisition reads only due jobs (every job has a due date,
 * jobs an earlier release left without one become due at start-up, and H2 answers the acquisition
 * query from the due-date index instead of reading the job table), and the authorization check finds
 * a user's own authorizations by index.
 */
@ProcessTest
class EngineIndexesTest {

	static final String PROCESS = "job-due-date-test";

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	DataSource dataSource;

	@Autowired
	EngineIndexes plugin;

	@AfterEach
	void removeTestProcess() {
		engine.getRepositoryService()
			.createDeploymentQuery()
			.deploymentName(PROCESS)
			.list()
			.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
	}

	@Test
	void aContinuationIsDueNow_andAJobWithoutDueDateFromAnEarlierReleaseBecomesDueAtStartUp() {
		Instant now = Instant.parse("2031-05-06T02:00:00Z");
		ClockUtil.setCurrentTime(Date.from(now));
		String instance = startAsync();
		Job job = management.createJobQuery().processInstanceId(instance).singleResult();
		assertThat(job.getDuedate()).isEqualTo(Date.from(now));

		// An earlier release left it without a due date: the acquisition would never see it.
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?", job.getId());
		ClockUtil.setCurrentTime(Date.from(now.plusSeconds(60)));
		plugin.postProcessEngineBuild(engine);
		assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate())
			.isEqualTo(Date.from(now.plusSeconds(60)));
		assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ is null", Long.class)).isZero();
	}

	@Test
	void theAcquisitionQueryReadsTheDueDateIndex_notTheWholeJobTable() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
		// The query the job executor sends (Job.xml, selectNextJobsToExecute) with ensureJobDueDateNotNull.
		String acquisition = "explain select RES.ID_ from ACT_RU_JOB RES where (RES.RETRIES_ > 0)"
				+ " and (RES.DUEDATE_ <= ?) and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?)"
				+ " and RES.SUSPENSION_STATE_ = 1 limit 4";
		Date now = ClockUtil.getCurrentTime();
		List<String> plan = new JdbcTemplate(dataSource).queryForList(acquisition, String.class, now, now);
		assertThat(String.join("\n", plan)).contains(EngineIndexes.JOB_DUE_DATE).doesNotContain("tableScan");
	}

	@Test
	void theAuthorizationCheckFindsTheUsersRowsByIndex() {
		// The user's half of the engine's authorization check (Authorization.xml, authCheckJoinWithoutOnClause).
		List<String> plan = new JdbcTemplate(dataSource).queryForList(
				"explain select A.RESOURCE_ID_ from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2 and A.USER_ID_ in (?, '*')",
				String.class, "shanghai");
		assertThat(String.join("\n", plan)).contains(EngineIndexes.AUTHORIZATION_USER).doesNotContain("tableScan");
	}

	private String startAsync() {
		BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.camundaAsyncAfter()
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
		return runtime.startProcessInstanceByKey(PROCESS).getId();
	}

}
