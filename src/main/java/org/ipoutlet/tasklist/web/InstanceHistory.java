package org.ipoutlet.tasklist.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.filing.FilingOutcome;
import org.ipoutlet.filing.FilingVariables;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.lifecycle.LifecycleVariables;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.ApiUser;
import org.springframework.stereotype.Component;

/**
 * Reads one instance's history for the Tasklist views: where it stands, the steps done with their
 * decisions and opinions, the activities for the diagram. Callers have decided who may see the
 * instance and run these reads as the system (README, "Tasklist for reviewers and applicants").
 */
@Component
class InstanceHistory {

	static final String COMPLETED = "completed";
	static final String PUBLICITY_SUBPROCESS = "SubProcess_Publicity";
	static final String CNIPA_NAME = "国家知识产权局";

	private final HistoryService history;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final RepositoryService repository;
	private final Recommenders recommenders;
	private final BusinessClock clock;

	InstanceHistory(HistoryService history, RuntimeService runtime, TaskService tasks, RepositoryService repository,
			Recommenders recommenders, BusinessClock clock) {
		this.history = history;
		this.runtime = runtime;
		this.tasks = tasks;
		this.repository = repository;
		this.recommenders = recommenders;
		this.clock = clock;
	}

	Optional<HistoricProcessInstance> instance(String processInstanceId) {
		return Optional.ofNullable(
				history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult());
	}

	/** The instance's variables (the value set on the instance itself wins over a local one). */
	Map<String, Object> variables(String processInstanceId, String... names) {
		Map<String, Object> vars = new HashMap<>();
		for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(processInstanceId)
			.variableNameIn(names)
			.disableBinaryFetching()
			.list()) {
			if (processInstanceId.equals(v.getExecutionId()) || !vars.containsKey(v.getName())) {
				vars.put(v.getName(), JsonValues.toJava(v.getValue()));
			}
		}
		return vars;
	}

	/** Where the instance stands: its status in words and the steps waiting now. */
	MyViews.Standing standing(HistoricProcessInstance instance) {
		String key = instance.getProcessDefinitionKey();
		Map<String, Object> vars = variables(instance.getId(), FilingVariables.ORG_NAME, FilingVariables.OUTCOME,
				FilingVariables.RECOMMENDER_ID, FilingVariables.PUBLICITY_STARTS, FilingVariables.PUBLICITY_ENDS,
				LifecycleVariables.LIFECYCLE_OUTCOME);
		boolean running = instance.getEndTime() == null;
		List<MyViews.CurrentStep> current = running ? currentSteps(instance.getId(), vars) : List.of();
		return new MyViews.Standing(instance.getId(), key, processName(instance), instance.getBusinessKey(),
				text(vars.get(FilingVariables.ORG_NAME)), running, statusLabel(key, running, vars), current);
	}

	private static String statusLabel(String processKey, boolean running, Map<String, Object> vars) {
		if (running) {
			return FilingOutcome.IN_PROGRESS_LABEL;
		}
		if (ProcessKeys.OUTLET_FILING.equals(processKey)) {
			return Arrays.stream(FilingOutcome.values())
				.filter(o -> o.name().equals(vars.get(FilingVariables.OUTCOME)))
				.findFirst()
				.map(FilingOutcome::label)
				.orElse("已终止");
		}
		if (ProcessKeys.OUTLET_LIFECYCLE.equals(processKey)) {
			return Arrays.stream(OutletStatus.values())
				.filter(s -> s.name().equals(vars.get(LifecycleVariables.LIFECYCLE_OUTCOME)))
				.findFirst()
				.map(OutletStatus::label)
				.orElse("已结束");
		}
		return "已结束";
	}

	private String processName(HistoricProcessInstance instance) {
		ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
		return definition.getName() == null ? definition.getKey() : definition.getName();
	}

	/** Open tasks with their department and due date, publicity with its dates, work about to be done. */
	private List<MyViews.CurrentStep> currentSteps(String processInstanceId, Map<String, Object> vars) {
		List<MyViews.CurrentStep> steps = new ArrayList<>();
		Map<String, Task> open = new HashMap<>();
		for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
			open.put(task.getTaskDefinitionKey(), task);
		}
		ActivityInstance root = runtime.getActivityInstance(processInstanceId);
		if (root != null) {
			collect(root, open, vars, steps);
		}
		return steps;
	}

	private void collect(ActivityInstance activity, Map<String, Task> open, Map<String, Object> vars,
			List<MyViews.CurrentStep> steps) {
		if (PUBLICITY_SUBPROCESS.equals(activity.getActivityId())) {
			steps.add(new MyViews.CurrentStep("publicity", activity.getActivityName(), CNIPA_NAME,
					text(vars.get(FilingVariables.PUBLICITY_ENDS))));
		}
		else if ("userTask".equals(activity.getActivityType())) {
			Task task = open.get(activity.getActivityId());
			steps.add(new MyViews.CurrentStep(activity.getActivityId(), activity.getActivityName(),
					task == null ? null : department(openCandidateGroups(task.getId()), task.getProcessDefinitionId().split(":")[0]),
					task == null ? null : day(task.getDueDate())));
		}
		for (TransitionInstance waiting : activity.getChildTransitionInstances()) {
			steps.add(new MyViews.CurrentStep(waiting.getActivityId(), waiting.getActivityName(), null, null));
		}
		for (ActivityInstance child : activity.getChildActivityInstances()) {
			collect(child, open, vars, steps);
		}
	}

	/**
	 * Every completed user task of the instance, oldest first, with the department that did it and the
	 * decision and opinion it recorded. {@code withAssignees}: the user who did it (not shown to applicants).
	 */
	List<MyViews.Step> steps(String processInstanceId, boolean withAssignees) {
		List<HistoricDetail> updates = updates(processInstanceId);
		return history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.finished()
			.taskDeleteReason(COMPLETED)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.list()
			.stream()
			.map(task -> step(task, updates, withAssignees))
			.toList();
	}

	MyViews.Step step(HistoricTaskInstance task, List<HistoricDetail> updates, boolean withAssignees) {
		Optional<ReviewStep> review = ReviewStep.of(task.getTaskDefinitionKey());
		Object decision = review.map(r -> lastUpdate(task, updates, r.decisionVariable())).orElse(null);
		Object opinion = review.map(r -> lastUpdate(task, updates, r.opinionVariable())).orElse(null);
		return new MyViews.Step(task.getTaskDefinitionKey(), task.getName(), department(historicCandidateGroups(task), task.getProcessDefinitionKey()),
				withAssignees ? task.getAssignee() : null, instant(task.getStartTime()), instant(task.getEndTime()),
				text(decision), review.map(r -> r.label(decision)).orElse(null), text(opinion));
	}

	/** Every variable update of the instance, in the order they happened. */
	List<HistoricDetail> updates(String processInstanceId) {
		return history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.disableBinaryFetching()
			.orderPartiallyByOccurrence()
			.asc()
			.list();
	}

	/**
	 * The last non-empty value {@code name} was given while the task ran. Decision variables are cleared
	 * when a task opens (README, validation), so an earlier round's decision is never taken for this one.
	 */
	private static Object lastUpdate(HistoricTaskInstance task, List<HistoricDetail> updates, String name) {
		Object value = null;
		for (HistoricDetail detail : updates) {
			if (detail instanceof HistoricVariableUpdate update && name.equals(update.getVariableName())
					&& update.getValue() != null && !"".equals(update.getValue()) && during(task, update)) {
				value = JsonValues.toJava(update.getValue());
			}
		}
		return value;
	}

	private static boolean during(HistoricTaskInstance task, HistoricVariableUpdate update) {
		if (task.getActivityInstanceId() != null && task.getActivityInstanceId().equals(update.getActivityInstanceId())) {
			return true;
		}
		Date time = update.getTime();
		return time != null && task.getStartTime() != null && task.getEndTime() != null
				&& !time.before(task.getStartTime()) && !time.after(task.getEndTime());
	}

	/** The instance's activities in order, for the diagram (steps done, the current ones unfinished). */
	List<MyViews.Activity> activities(String processInstanceId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(a -> new MyViews.Activity(a.getActivityId(), a.getActivityName(), a.getActivityType(),
					instant(a.getStartTime()), instant(a.getEndTime())))
			.toList();
	}

	String diagramXml(String processDefinitionId) {
		try (InputStream xml = repository.getProcessModel(processDefinitionId)) {
			return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> historicCandidateGroups(HistoricTaskInstance task) {
		return history.createHistoricIdentityLinkLogQuery()
			.taskId(task.getId())
			.type(IdentityLinkType.CANDIDATE)
			.list()
			.stream()
			.map(HistoricIdentityLinkLog::getGroupId)
			.filter(g -> g != null)
			.distinct()
			.toList();
	}

	private List<String> openCandidateGroups(String taskId) {
		return tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(g -> g != null)
			.toList();
	}

	/**
	 * The department a task belongs to, from its candidate group: CNIPA, a recommending department, or
	 * the applicant/outlet itself for the tasks its diagram assigns to it.
	 */
	private String department(List<String> candidateGroups, String processKey) {
		for (String group : candidateGroups) {
			if (AppGroups.CNIPA_REVIEWERS.equals(group)) {
				return CNIPA_NAME;
			}
			if (group.startsWith(Recommenders.GROUP_PREFIX)) {
				String id = group.substring(Recommenders.GROUP_PREFIX.length());
				return recommenders.find(id).map(Recommenders.Recommender::name).orElse(group);
			}
		}
		if (!candidateGroups.isEmpty()) {
			return candidateGroups.get(0);
		}
		return ProcessKeys.OUTLET_FILING.equals(processKey) ? "申请单位" : "网点";
	}

	/**
	 * The last day to act before a due instant: the application's deadlines fall due at the start of the day
	 * after the last day (Asia/Shanghai), e.g. the supplement period "to the end of the last day".
	 */
	String day(Date date) {
		if (date == null) {
			return null;
		}
		java.time.LocalDateTime due = java.time.LocalDateTime.ofInstant(date.toInstant(), clock.zone());
		LocalDate day = due.toLocalDate();
		return (due.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day.minusDays(1) : day).toString();
	}

	static String text(Object value) {
		return value == null ? null : value.toString();
	}

	static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
