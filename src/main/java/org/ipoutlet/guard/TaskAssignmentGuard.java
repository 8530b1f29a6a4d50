package org.ipoutlet.guard;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;

/**
 * A built-in listener on every user task of every deployed diagram (a diagram edited in Modeler cannot
 * lose it): tasks go only to people who may do them, whatever route sets the assignee or owner —
 * claim, set assignee, delegate, save (README: Security).
 * <ul>
 * <li>A task with candidate groups may be held only by a member of one of them;</li>
 * <li>a task assigned by its diagram (the applicant's or outlet's own tasks, {@code camunda:assignee})
 * only by that user;</li>
 * <li>a task of a diagram with neither is assigned only by an administrator or the application.</li>
 * </ul>
 * Giving a task back (no assignee) is always allowed. A logged-in user other than an administrator
 * may, besides assignee and owner, change only the follow-up date: not the name, description, due
 * date (the regulation's deadlines) or priority.
 */
class TaskAssignmentGuard implements TaskListener {

	private static final Set<String> USER_CHANGEABLE = Set.of(TaskEntity.ASSIGNEE, TaskEntity.OWNER,
			TaskEntity.DELEGATION, TaskEntity.FOLLOW_UP_DATE);

	@Override
	public void notify(DelegateTask delegateTask) {
		TaskEntity task = (TaskEntity) delegateTask;
		if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			ensureMayHold(task, task.getAssignee(), TaskEntity.ASSIGNEE);
		}
		else if (EVENTNAME_UPDATE.equals(task.getEventName())) {
			Map<String, PropertyChange> changes = task.getPropertyChanges();
			if (changes.containsKey(TaskEntity.OWNER)) {
				ensureMayHold(task, task.getOwner(), TaskEntity.OWNER);
			}
			Caller caller = Caller.of(Context.getCommandContext().getAuthentication());
			if (caller != null && !caller.isAdmin()) {
				changes.keySet().stream().filter(property -> !USER_CHANGEABLE.contains(property)).findFirst()
					.ifPresent(property -> {
						throw GuardRefusals.refused(new AuthorizationException(caller.userId(), "change " + property, "Task", task.getId()));
					});
			}
		}
	}

	private static void ensureMayHold(TaskEntity task, String userId, String field) {
		if (userId == null || mayHold(task, userId)) {
			return;
		}
		throw new SubmissionRejectedException(task.getTaskDefinitionKey() + "/" + field, List.of(new FieldError(
				field, "notCandidate",
				"User '" + userId + "' may not hold task " + task.getTaskDefinitionKey()
						+ ": it goes only to members of its candidate groups or to the user the process assigns it to",
				"用户「" + userId + "」无权办理此任务：任务只能由候选组成员或流程指定的办理人办理")));
	}

	private static boolean mayHold(TaskEntity task, String userId) {
		Set<String> groups = SubmissionFirewall.candidateGroups(task);
		if (!groups.isEmpty()) {
			return isMember(userId, groups);
		}
		Expression assignee = task.getTaskDefinition() == null ? null : task.getTaskDefinition().getAssigneeExpression();
		if (assignee != null && task.getExecution() != null) {
			Object designated = assignee.getValue(task.getExecution());
			return userId.equals(designated);
		}
		if (task.getTaskDefinition() == null) {
			return true; // a stand-alone task: only administrators may create one
		}
		Caller caller = Caller.of(Context.getCommandContext().getAuthentication());
		return caller == null || caller.isAdmin();
	}

	/** The caller's own groups come with its authentication; anyone else's from the identity service. */
	private static boolean isMember(String userId, Set<String> groups) {
		CommandContext context = Context.getCommandContext();
		Caller caller = Caller.of(context.getAuthentication());
		if (caller != null && caller.userId().equals(userId)) {
			return caller.inAnyOf(groups);
		}
		IdentityService identity = context.getProcessEngineConfiguration().getIdentityService();
		return context.runWithoutAuthorization(() -> groups.stream()
			.anyMatch(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0));
	}

}
