package org.ipoutlet.lifecycle;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Shared steps of the lifecycle process tests: file an outlet the way the filing process does, move
 * the engine clock through time firing each timer at its due instant (Asia/Shanghai), and complete
 * tasks.
 */
abstract class LifecycleTestSupport {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger SEQ = new AtomicInteger();

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	OutletRepository outlets;

	@Autowired
	LifecycleMessages messages;

	@BeforeEach
	void initAssertions() {
		init(processEngine);
	}

	/** A filed outlet, its lifecycle started as the filing process starts it. */
	record Filed(String filingNo, String uscc, String recommenderId, String outletUser, ProcessInstance instance) {

		String id() {
			return instance.getId();
		}
	}

	Filed file(LocalDate validFrom, String recommenderId) {
		setNow(validFrom.atTime(10, 0));
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "LC" + validFrom.getYear() + "-" + SEQ.incrementAndGet() + "-" + unique.substring(0, 6);
		String uscc = "91" + unique.substring(0, 16);
		String outletUser = "outlet-" + unique.substring(0, 8).toLowerCase();
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails("测试网点" + filingNo, "UNIVERSITY", "事业单位",
				recommenderId.length() == 6 ? recommenderId : "110000", "某市某路1号", null, null, "张三", "李四",
				"010-12345678", "contact@example.org", "企业", List.of("CONSULTATION", "SEARCH", "TRAINING"),
				List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, uscc, details, recommenderId, outletUser, validFrom,
				validUntil, ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>();
		vars.put("filingNo", filingNo);
		vars.put("applicationNo", "APP-" + filingNo);
		vars.put("uscc", uscc);
		vars.put("orgName", details.orgName());
		vars.put("recommenderId", recommenderId);
		vars.put("province", details.province());
		vars.put("outletUser", outletUser);
		vars.put("validFrom", validFrom.toString());
		vars.put("validUntil", validUntil.toString());
		ProcessInstance pi = runtimeService.startProcessInstanceByKey(OUTLET_LIFECYCLE, filingNo, vars);
		return new Filed(filingNo, uscc, recommenderId, outletUser, pi);
	}

	static void setNow(LocalDateTime shanghaiTime) {
		ClockUtil.setCurrentTime(Date.from(shanghaiTime.atZone(SHANGHAI).toInstant()));
	}

	static LocalDateTime now() {
		return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
	}

	/**
	 * Lets time pass until {@code target}: fires every timer of the instance in due order, each at its
	 * own due instant, with the async continuations it causes. With {@code compliantOutlet} the outlet
	 * submits each annual summary at once and the recommender finds it compliant.
	 */
	void advanceTo(Filed outlet, LocalDateTime target, boolean compliantOutlet) {
		Instant end = target.atZone(SHANGHAI).toInstant();
		for (int i = 0; i < 500; i++) {
			runAsyncJobs(outlet);
			if (compliantOutlet && handleSummaryTasks(outlet)) {
				continue;
			}
			Job next = managementService.createJobQuery()
				.processInstanceId(outlet.id())
				.timers()
				.orderByJobDuedate()
				.asc()
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			if (next == null || next.getDuedate().toInstant().isAfter(end)) {
				break;
			}
			if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
				ClockUtil.setCurrentTime(next.getDuedate());
			}
			managementService.executeJob(next.getId());
		}
		ClockUtil.setCurrentTime(Date.from(end));
		runAsyncJobs(outlet);
	}

	void advanceTo(Filed outlet, LocalDate day, boolean compliantOutlet) {
		advanceTo(outlet, day.atTime(10, 0), compliantOutlet);
	}

	/** Executes the async continuations (transaction boundaries after human decisions). */
	void runAsyncJobs(Filed outlet) {
		for (int i = 0; i < 50; i++) {
			List<Job> jobs = managementService.createJobQuery().processInstanceId(outlet.id()).messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> managementService.executeJob(job.getId()));
		}
	}

	private boolean handleSummaryTasks(Filed outlet) {
		Task submit = task(outlet, TaskKeys.SUBMIT_ANNUAL_SUMMARY);
		if (submit != null) {
			complete(submit, Map.of("annualSummary", "本年度开展咨询、检索、培训服务，运行良好。"));
			runAsyncJobs(outlet);
			return true;
		}
		Task review = task(outlet, TaskKeys.REVIEW_ANNUAL_SUMMARY);
		if (review != null) {
			complete(review, Map.of("summaryCompliant", "true", "reviewOpinion", "符合要求"));
			runAsyncJobs(outlet);
			return true;
		}
		return false;
	}

	Task task(Filed outlet, String taskKey) {
		return taskService.createTaskQuery().processInstanceId(outlet.id()).taskDefinitionKey(taskKey).singleResult();
	}

	List<Task> tasks(Filed outlet) {
		return taskService.createTaskQuery().processInstanceId(outlet.id()).list();
	}

	/** A complete renewal application (the apply-for-renewal form), declaring truthfulness as given. */
	static Map<String, Object> renewalApplication(Object declarationTruthful) {
		Map<String, Object> application = new java.util.HashMap<>();
		application.put("staffTotal", 12);
		application.put("staffFullTime", 6);
		application.put("workFoundation", "三年来持续开展咨询、检索和培训服务，运行良好。");
		application.put("developmentPlan", "建设专题数据库，扩大中小微企业服务。");
		application.put("independentLegalEntity", "true");
		application.put("declarationTruthful", declarationTruthful);
		return application;
	}

	void complete(Task task, Map<String, Object> variables) {
		taskService.complete(task.getId(), variables);
	}

	/** The task's Camunda Form is deployed, is the form named after the task, and asks for the decision. */
	void assertForm(Task task, String formId, String decisionKey) {
		try (var in = processEngine.getFormService().getDeployedTaskForm(task.getId())) {
			String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			org.assertj.core.api.Assertions.assertThat(json).contains("\"id\": \"" + formId + "\"")
				.contains("\"key\": \"" + decisionKey + "\"");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Completes the open task with this key and runs the work behind its transaction boundary. */
	void complete(Filed outlet, String taskKey, Map<String, Object> variables) {
		Task task = task(outlet, taskKey);
		if (task == null) {
			throw new AssertionError("No open task " + taskKey + "; open: "
					+ tasks(outlet).stream().map(Task::getTaskDefinitionKey).toList());
		}
		complete(task, variables);
		runAsyncJobs(outlet);
	}

	Outlet register(Filed outlet) {
		return outlets.get(outlet.filingNo());
	}

	boolean ended(Filed outlet) {
		return runtimeService.createProcessInstanceQuery().processInstanceId(outlet.id()).singleResult() == null;
	}

}
