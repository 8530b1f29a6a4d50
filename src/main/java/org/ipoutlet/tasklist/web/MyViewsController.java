package org.ipoutlet.tasklist.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.filing.FilingOutcome;
import org.ipoutlet.filing.FilingVariables;
import org.ipoutlet.lifecycle.LifecycleVariables;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The caller's own views, shown by the Tasklist plugin (README, "Tasklist for reviewers and
 * applicants"): 已办, 我的申请, 流程跟踪. Read-only. The engine is read as the system, because a
 * reviewer or applicant holds no history permission (and gets none: the engine API keeps refusing it),
 * and every answer is cut down here to what the caller may see: its own completed tasks, its own
 * applications and outlets, and a task's instance only while the caller may work an open task of it.
 * Reachable with HTTP Basic or, for GET, with the Tasklist session and its CSRF token.
 */
@RestController
class MyViewsController {

	static final int MAX_PAGE = 100;

	private final HistoryService history;
	private final TaskService tasks;
	private final IdentityService identity;
	private final InstanceHistory instances;
	private final OutletRepository outlets;

	MyViewsController(HistoryService history, TaskService tasks, IdentityService identity, InstanceHistory instances,
			OutletRepository outlets) {
		this.history = history;
		this.tasks = tasks;
		this.identity = identity;
		this.instances = instances;
		this.outlets = outlets;
	}

	@GetMapping("/api/me/completed-tasks")
	@Operation(summary = "已办: the tasks the caller completed",
			description = "Newest first, with the decision and opinion the caller recorded and where the instance stands now.")
	@ApiResponse(responseCode = "200", description = "A page of the caller's completed tasks")
	@ApiResponse(responseCode = "400", description = "firstResult or maxResults out of range",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "401", description = "Not logged in",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	MyViews.CompletedTasks completedTasks(ApiUser user, @RequestParam(defaultValue = "0") int firstResult,
			@RequestParam(defaultValue = "20") int maxResults) {
		List<FieldError> errors = new ArrayList<>();
		if (firstResult < 0) {
			errors.add(new FieldError("firstResult", "min", "must be 0 or more", "起始位置不能小于0"));
		}
		if (maxResults < 1 || maxResults > MAX_PAGE) {
			errors.add(new FieldError("maxResults", "range", "must be between 1 and " + MAX_PAGE,
					"每页条数应在1到" + MAX_PAGE + "之间"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return EngineCalls.asSystem(identity, () -> {
			long total = completedBy(user).count();
			List<HistoricTaskInstance> page = completedBy(user).orderByHistoricTaskInstanceEndTime()
				.desc()
				.listPage(firstResult, maxResults);
			List<MyViews.CompletedTask> items = page.stream().map(task -> completed(task, user)).toList();
			return new MyViews.CompletedTasks(total, firstResult, maxResults, items);
		});
	}

	private HistoricTaskInstanceQuery completedBy(ApiUser user) {
		return history.createHistoricTaskInstanceQuery()
			.taskAssignee(user.id())
			.finished()
			.taskDeleteReason(InstanceHistory.COMPLETED);
	}

	private MyViews.CompletedTask completed(HistoricTaskInstance task, ApiUser user) {
		List<HistoricDetail> updates = instances.updates(task.getProcessInstanceId());
		MyViews.Step step = instances.step(task, updates, false);
		MyViews.Standing now = instances.instance(task.getProcessInstanceId()).map(instances::standing).orElse(null);
		return new MyViews.CompletedTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), step.completedAt(),
				step.decision(), step.decisionLabel(), step.opinion(), now);
	}

	@GetMapping("/api/me/applications")
	@Operation(summary = "我的申请: the caller's filing applications and outlets",
			description = "Each application the caller submitted and each outlet it runs, with the current step, the "
					+ "deadlines that concern it and every step done so far with its decision and opinion (newest first; at most "
					+ MAX_PAGE + " of each).")
	@ApiResponse(responseCode = "200", description = "The caller's applications and outlets (empty lists for a reviewer)")
	@ApiResponse(responseCode = "401", description = "Not logged in",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	MyViews.Applications applications(ApiUser user) {
		return EngineCalls.asSystem(identity, () -> {
			boolean withAssignees = !user.isOutlet();
			List<MyViews.Application> applications = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(ProcessKeys.OUTLET_FILING)
				.variableValueEquals(FilingVariables.APPLICANT, user.id())
				.orderByProcessInstanceStartTime()
				.desc()
				.listPage(0, MAX_PAGE)
				.stream()
				.map(instance -> application(instance, withAssignees))
				.toList();
			List<MyViews.Outlet> own = history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(ProcessKeys.OUTLET_LIFECYCLE)
				.variableValueEquals(LifecycleVariables.OUTLET_USER, user.id())
				.orderByProcessInstanceStartTime()
				.desc()
				.listPage(0, MAX_PAGE)
				.stream()
				.map(instance -> outlet(instance, withAssignees))
				.toList();
			return new MyViews.Applications(applications, own);
		});
	}

	private MyViews.Application application(HistoricProcessInstance instance, boolean withAssignees) {
		Map<String, Object> vars = instances.variables(instance.getId(), FilingVariables.OUTCOME, FilingVariables.FILING_NO,
				FilingVariables.SUPPLEMENT_DEADLINE, FilingVariables.PUBLICITY_STARTS, FilingVariables.PUBLICITY_ENDS,
				FilingVariables.VALID_UNTIL);
		MyViews.Standing now = instances.standing(instance);
		List<MyViews.Deadline> deadlines = new ArrayList<>();
		if (now.running()) {
			if (now.currentSteps().stream().anyMatch(s -> TaskKeys.SUPPLEMENT_MATERIALS.equals(s.key()))
					&& vars.get(FilingVariables.SUPPLEMENT_DEADLINE) != null) {
				deadlines.add(new MyViews.Deadline("补正期限", vars.get(FilingVariables.SUPPLEMENT_DEADLINE).toString()));
			}
			if (vars.get(FilingVariables.PUBLICITY_STARTS) != null) {
				deadlines.add(new MyViews.Deadline("公示期", vars.get(FilingVariables.PUBLICITY_STARTS) + " ~ "
						+ vars.get(FilingVariables.PUBLICITY_ENDS)));
			}
		}
		else if (vars.get(FilingVariables.VALID_UNTIL) != null) {
			deadlines.add(new MyViews.Deadline("有效期至", vars.get(FilingVariables.VALID_UNTIL).toString()));
		}
		String status = now.running() ? FilingOutcome.IN_PROGRESS
				: vars.get(FilingVariables.OUTCOME) == null ? "TERMINATED" : vars.get(FilingVariables.OUTCOME).toString();
		return new MyViews.Application(instance.getBusinessKey(), InstanceHistory.instant(instance.getStartTime()), status,
				InstanceHistory.text(vars.get(FilingVariables.FILING_NO)), now, deadlines,
				instances.steps(instance.getId(), withAssignees));
	}

	private MyViews.Outlet outlet(HistoricProcessInstance instance, boolean withAssignees) {
		MyViews.Standing now = instances.standing(instance);
		Outlet outlet = outlets.find(instance.getBusinessKey()).orElse(null);
		Map<String, Object> vars = instances.variables(instance.getId(), LifecycleVariables.RENEWAL_WINDOW_OPENS);
		List<MyViews.Deadline> deadlines = new ArrayList<>();
		if (outlet != null && now.running()) {
			deadlines.add(new MyViews.Deadline("有效期至", outlet.validUntil().toString()));
			if (vars.get(LifecycleVariables.RENEWAL_WINDOW_OPENS) != null) {
				deadlines.add(new MyViews.Deadline("续期申请开始", vars.get(LifecycleVariables.RENEWAL_WINDOW_OPENS).toString()));
			}
			if (outlet.rectificationDeadline() != null) {
				deadlines.add(new MyViews.Deadline("整改期限", outlet.rectificationDeadline().toString()));
			}
		}
		now.currentSteps().stream()
			.filter(s -> s.due() != null)
			.forEach(s -> deadlines.add(new MyViews.Deadline(s.name() + "截止", s.due())));
		return new MyViews.Outlet(instance.getBusinessKey(), outlet == null ? null : outlet.status().name(),
				outlet == null ? null : outlet.validFrom().toString(), outlet == null ? null : outlet.validUntil().toString(),
				outlet == null ? now : withStatus(now, outlet), deadlines, instances.steps(instance.getId(), withAssignees));
	}

	/** A running lifecycle's status is the register's (有效, 整改中 …), not just 办理中. */
	private static MyViews.Standing withStatus(MyViews.Standing now, Outlet outlet) {
		return new MyViews.Standing(now.processInstanceId(), now.processKey(), now.processName(), now.businessKey(),
				outlet.details() == null ? now.orgName() : outlet.details().orgName(), now.running(),
				outlet.status().label(), now.currentSteps());
	}

	@GetMapping("/api/me/tasks/{taskId}/trail")
	@Operation(summary = "流程跟踪: the path so far of an open task's instance",
			description = "The diagram, the activities executed, every step done with its decision and opinion, and "
					+ "the current steps. Only for a user who may work the task: its assignee, a candidate user, or a "
					+ "member of one of its candidate groups; for anyone else the task does not exist.")
	@ApiResponse(responseCode = "200", description = "The task's instance so far")
	@ApiResponse(responseCode = "401", description = "Not logged in",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "404", description = "No such open task, or not the caller's to work",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	MyViews.Trail trail(ApiUser user, @PathVariable String taskId) {
		return EngineCalls.asSystem(identity, () -> {
			Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null || task.getProcessInstanceId() == null || !mayWork(user, task)) {
				throw new NotFoundException("No open task " + taskId + " for you");
			}
			HistoricProcessInstance instance = instances.instance(task.getProcessInstanceId()).orElseThrow();
			return new MyViews.Trail(task.getId(), task.getName(), instances.standing(instance),
					instances.steps(instance.getId(), !user.isOutlet()), instances.activities(instance.getId()),
					instances.diagramXml(instance.getProcessDefinitionId()));
		});
	}

	/** The assignee, a candidate user, or a member of a candidate group of the open task. */
	private boolean mayWork(ApiUser user, Task task) {
		if (user.id().equals(task.getAssignee())) {
			return true;
		}
		return tasks.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.anyMatch(link -> user.id().equals(link.getUserId())
					|| (link.getGroupId() != null && user.inGroup(link.getGroupId())));
	}

}
