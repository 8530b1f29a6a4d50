package org.ipoutlet.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingFixtures.application;
import static org.ipoutlet.filing.FilingFixtures.newUscc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.OutletFilingApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three situations of README "For administrators — versions": (a) an administrator deploys a
 * changed diagram and form from Modeler, (b) the application restarts, (c) a new release ships a
 * changed diagram while the administrator's version is the newest. Each "start" is a real start of
 * the whole application on one H2 file database in a temporary folder; the release's diagrams and
 * forms are read from a copy of bpmn/ and forms/, so a test can ship a "new release".
 */
class DiagramVersionsTest {

	private static final String FILING = "outlet-filing";
	private static final String LIFECYCLE = "outlet-lifecycle";
	private static final String ANNUAL = "annual-report";

	@TempDir Path dir;

	private ConfigurableApplicationContext running;

	@AfterEach
	void stop() {
		if (running != null) {
			running.close();
		}
		ClockUtil.reset();
	}

	@Test
	void aModelerVersionSurvivesRestartsAndOnlyAReleaseThatChangesThatDiagramSupersedesIt() throws IOException {
		Path release = copyRelease();

		// First start: the release deploys version 1 of every diagram.
		ProcessEngine engine = start(release);
		assertThat(latestVersions(engine)).containsEntry(FILING, 1).containsEntry(LIFECYCLE, 1).containsEntry(ANNUAL, 1);

		// (a) The administrator renames 初审和推荐 and a form label in Modeler and deploys both.
		String modelerDiagram = Files.readString(release.resolve("bpmn/outlet-filing.bpmn"))
			.replace("name=\"初审和推荐\"", "name=\"初审并推荐\"");
		String modelerForm = Files.readString(release.resolve("forms/preliminary-review.form"))
			.replace("\"schemaVersion\"", "\"description\": \"Modeler\", \"schemaVersion\"");
		assertThat(modelerForm).contains("\"description\": \"Modeler\"");
		deployFromModeler(engine, FILING, "outlet-filing.bpmn", modelerDiagram, "preliminary-review.form", modelerForm);
		// … and shortens the name of the annual report's task.
		deployFromModeler(engine, ANNUAL, "annual-report.bpmn", Files.readString(release.resolve("bpmn/annual-report.bpmn"))
			.replace("name=\"汇总年度工作总结\"", "name=\"汇总年度总结\""), null, null);
		assertThat(latestVersions(engine)).containsEntry(FILING, 2).containsEntry(LIFECYCLE, 1).containsEntry(ANNUAL, 2);
		String task = startFilingUpToPreliminaryReview(engine);
		assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getName()).isEqualTo("初审并推荐");
		assertThat(taskForm(engine, task)).as("Tasklist shows the Modeler form for a new task").contains("\"description\": \"Modeler\"");

		// (b) Restart with the same release: nothing is deployed, the administrator's version stays newest.
		long deployments = engine.getRepositoryService().createDeploymentQuery().count();
		engine = restart(release);
		assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(latestVersions(engine)).containsEntry(FILING, 2).containsEntry(LIFECYCLE, 1).containsEntry(ANNUAL, 2);
		assertThat(taskForm(engine, task)).contains("\"description\": \"Modeler\"");

		// (c) A release changes outlet-filing (which the administrator changed too) and outlet-lifecycle
		// (which no administrator touched); annual-report, whose newest version is the administrator's,
		// is unchanged in the release.
		changeInRelease(release, "bpmn/outlet-lifecycle.bpmn", "name=\"续期窗口开启\"", "name=\"续期申请窗口开启\"");
		changeInRelease(release, "bpmn/outlet-filing.bpmn", "name=\"资格审查\"", "name=\"资格审核\"");
		engine = restart(release);
		assertThat(latestVersions(engine)).containsEntry(FILING, 3).containsEntry(LIFECYCLE, 2).containsEntry(ANNUAL, 2);
		// The release's changed diagrams become the newest, superseding the administrator's outlet-filing
		// (logged at WARN); the administrator's annual-report stays the newest.
		assertThat(deploymentSource(engine, latest(engine, FILING))).isEqualTo(ReleaseDeployment.DEPLOYMENT_SOURCE);
		assertThat(deploymentSource(engine, latest(engine, LIFECYCLE))).isEqualTo(ReleaseDeployment.DEPLOYMENT_SOURCE);
		assertThat(deploymentSource(engine, latest(engine, ANNUAL))).isEqualTo("Camunda Modeler");
		// The release's preliminary-review form did not change: the administrator's form stays the newest.
		String next = startFilingUpToPreliminaryReview(engine);
		assertThat(engine.getTaskService().createTaskQuery().taskId(next).singleResult().getName()).isEqualTo("初审和推荐");
		assertThat(taskForm(engine, next)).contains("\"description\": \"Modeler\"");

		// And the next restart deploys nothing again.
		deployments = engine.getRepositoryService().createDeploymentQuery().count();
		engine = restart(release);
		assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(latestVersions(engine)).containsEntry(FILING, 3).containsEntry(LIFECYCLE, 2).containsEntry(ANNUAL, 2);
	}

	/** What Modeler's deploy dialog sends (see ModelerDeploymentTest for the HTTP request itself). */
	private static void deployFromModeler(ProcessEngine engine, String name, String diagramFile, String diagram,
			String formFile, String form) {
		var builder = engine.getRepositoryService().createDeployment()
			.name(name)
			.source("Camunda Modeler")
			.enableDuplicateFiltering(true)
			.addString(diagramFile, diagram);
		if (formFile != null) {
			builder.addString(formFile, form);
		}
		builder.deploy();
	}

	private static String startFilingUpToPreliminaryReview(ProcessEngine engine) {
		ClockUtil.setCurrentTime(Date.from(java.time.OffsetDateTime.parse("2026-03-02T09:00:00+08:00").toInstant()));
		ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(FILING, application(newUscc()));
		Jobs.runDue(engine.getManagementService(), pi.getId());
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
			.taskDefinitionKey("preliminaryReview").singleResult();
		assertThat(task).isNotNull();
		return task.getId();
	}

	/** The form as Tasklist gets it (GET /task/{id}/deployed-form). */
	private static String taskForm(ProcessEngine engine, String taskId) throws IOException {
		try (InputStream in = engine.getFormService().getDeployedTaskForm(taskId)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Map<String, Integer> latestVersions(ProcessEngine engine) {
		List<ProcessDefinition> latest = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list();
		return latest.stream().collect(java.util.stream.Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
	}

	private static ProcessDefinition latest(ProcessEngine engine, String key) {
		return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
			.singleResult();
	}

	private static String deploymentSource(ProcessEngine engine, ProcessDefinition definition) {
		RepositoryService repository = engine.getRepositoryService();
		return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getSource();
	}

	private Path copyRelease() throws IOException {
		Path release = dir.resolve("release");
		for (String folder : List.of("bpmn", "forms")) {
			Files.createDirectories(release.resolve(folder));
			try (var files = Files.list(Path.of(folder))) {
				for (Path file : files.toList()) {
					Files.copy(file, release.resolve(folder).resolve(file.getFileName()));
				}
			}
		}
		return release;
	}

	private static void changeInRelease(Path release, String file, String from, String to) throws IOException {
		Path path = release.resolve(file);
		String text = Files.readString(path);
		assertThat(text).contains(from);
		Files.writeString(path, text.replace(from, to));
	}

	private ProcessEngine restart(Path release) {
		running.close();
		running = null;
		// Deployments are compared with the latest by deployment time: back to the real clock.
		ClockUtil.reset();
		return start(release);
	}

	private ProcessEngine start(Path release) {
		running = new SpringApplicationBuilder(OutletFilingApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/outlet-filing") + ";DB_CLOSE_ON_EXIT=FALSE",
					"--camunda.bpm.deployment-resource-pattern=file:" + release + "/bpmn/*.bpmn,file:" + release
							+ "/forms/*.form",
					"--camunda.bpm.job-execution.enabled=false", "--server.port=0");
		return running.getBean(ProcessEngine.class);
	}

}
