package org.ipoutlet.guard;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.institution.OutletVariables;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, inside the command's transaction and before it runs, the data of what a logged-in user
 * submits (README: Security):
 * <ul>
 * <li>a process start, a start form, a task completion or a task form carries exactly the fields of
 * its Camunda Form (the form deployed for that task or start event, as Tasklist shows it), plus the
 * documented extra start fields ({@link #DOCUMENTED_START_FIELDS}); any other variable — the
 * applicant, the outcome, another step's decision — is refused with a field error, and nothing is
 * written. This holds for administrators too;</li>
 * <li>a comment goes only on a task the user may work (its assignee or a member of a candidate group);
 * comments on a whole process instance are for administrators.</li>
 * </ul>
 * The application's own calls as the system are not checked here.
 */
class SubmissionFirewall extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(SubmissionFirewall.class);

	/**
	 * Start fields that no form can carry but clients may send: the filing's documents as File variables
	 * (Tasklist's form-js 1.8 has no file picker; README: reference).
	 */
	static final Map<String, Set<String>> DOCUMENTED_START_FIELDS = Map.of(OUTLET_FILING,
			Set.of(OutletVariables.WORK_RULES, OutletVariables.SEALED_FORM));

	/**
	 * Task fields no form can carry but clients may send: a supplement may bring new documents, e.g. a
	 * new scan a RETURN asked for (README, "The 备案表 document").
	 */
	static final Map<String, Set<String>> DOCUMENTED_TASK_FIELDS = Map.of(TaskKeys.SUPPLEMENT_MATERIALS,
			Set.of(OutletVariables.WORK_RULES, OutletVariables.SEALED_FORM), TaskKeys.ATTACH_DOCUMENTS,
			Set.of(OutletVariables.WORK_RULES, OutletVariables.SEALED_FORM));

	@Override
	public <T> T execute(Command<T> command) {
		if (CommandFirewall.OUTERMOST.get() == command) {
			CommandContext context = Context.getCommandContext();
			Caller caller = Caller.of(context.getAuthentication());
			if (caller != null) {
				check(command, context, caller);
			}
		}
		return next.execute(command);
	}

	private static void check(Object command, CommandContext context, Caller caller) {
		if (command instanceof CompleteTaskCmd) {
			taskFields(context, (String) CommandFields.read(command, "taskId"), variables(command, "variables"));
		}
		else if (command instanceof SubmitTaskFormCmd) {
			taskFields(context, (String) CommandFields.read(command, "taskId"), variables(command, "properties"));
		}
		else if (command instanceof SubmitStartFormCmd) {
			String definitionId = (String) CommandFields.read(command, "processDefinitionId");
			startFields(context, context.getProcessEngineConfiguration().getDeploymentCache()
				.findDeployedProcessDefinitionById(definitionId), variables(command, "variables"));
		}
		else if (command instanceof StartProcessInstanceCmd) {
			ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command,
					"instantiationBuilder");
			var cache = context.getProcessEngineConfiguration().getDeploymentCache();
			ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
					? cache.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
					: cache.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
			startFields(context, definition, builder.getVariables());
		}
		else if (command instanceof AddCommentCmd && !caller.isAdmin()) {
			comment(context, caller, (String) CommandFields.read(command, "taskId"));
		}
	}

	@SuppressWarnings("unchecked")
	private static Collection<String> variables(Object command, String field) {
		Map<String, Object> variables = (Map<String, Object>) CommandFields.read(command, field);
		return variables == null ? List.of() : variables.keySet();
	}

	private static void taskFields(CommandContext context, String taskId, Collection<String> submitted) {
		if (submitted.isEmpty()) {
			return;
		}
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			return; // the command itself answers "no such task"
		}
		// Who may not work the task at all hears that first, as the command itself would tell it.
		context.getProcessEngineConfiguration().getCommandCheckers().forEach(checker -> checker.checkTaskWork(task));
		Set<String> allowed = new TreeSet<>(context.runWithoutAuthorization(
				() -> formFields(new GetDeployedTaskFormCmd(taskId), context)));
		if (org.ipoutlet.ProcessKeys.OUTLET_FILING.equals(processKey(context, task))) {
			allowed.addAll(DOCUMENTED_TASK_FIELDS.getOrDefault(task.getTaskDefinitionKey(), Set.of()));
		}
		refuseOthers(task.getTaskDefinitionKey(), submitted, allowed);
	}

	private static String processKey(CommandContext context, TaskEntity task) {
		if (task.getProcessDefinitionId() == null) {
			return null;
		}
		ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
			.findDeployedProcessDefinitionById(task.getProcessDefinitionId());
		return definition == null ? null : definition.getKey();
	}

	private static void startFields(CommandContext context, ProcessDefinitionEntity definition,
			Map<String, Object> variables) {
		startFields(context, definition, variables == null ? List.of() : variables.keySet());
	}

	private static void startFields(CommandContext context, ProcessDefinitionEntity definition,
			Collection<String> submitted) {
		if (submitted.isEmpty() || definition == null) {
			return;
		}
		context.getProcessEngineConfiguration().getCommandCheckers()
			.forEach(checker -> checker.checkCreateProcessInstance(definition));
		Set<String> allowed = new TreeSet<>(DOCUMENTED_START_FIELDS.getOrDefault(definition.getKey(), Set.of()));
		allowed.addAll(context.runWithoutAuthorization(
				() -> formFields(new GetDeployedStartFormCmd(definition.getId()), context)));
		refuseOthers(definition.getKey() + "/start", submitted, allowed);
	}

	/** The form's fields; a step without a deployed form accepts none. */
	private static Set<String> formFields(Command<InputStream> formCommand, CommandContext context) {
		try {
			return FormFields.of(formCommand.execute(context));
		}
		catch (RuntimeException ex) {
			log.debug("No deployed form: {}", ex.getMessage());
			return Set.of();
		}
	}

	private static void refuseOthers(String step, Collection<String> submitted, Set<String> allowed) {
		List<FieldError> errors = new ArrayList<>();
		for (String name : new TreeSet<>(submitted)) {
			if (!allowed.contains(name)) {
				errors.add(new FieldError(name, "notInForm",
						"'" + name + "' is not a field of this form and cannot be submitted with it",
						"「" + name + "」不是本表单的字段，不能随表单提交"));
			}
		}
		if (!errors.isEmpty()) {
			log.warn("Refused a submission to {} with variables outside its form: {}", step,
					errors.stream().map(FieldError::field).toList());
			throw new SubmissionRejectedException(step, errors);
		}
	}

	private static void comment(CommandContext context, Caller caller, String taskId) {
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task != null && (caller.userId().equals(task.getAssignee()) || caller.inAnyOf(candidateGroups(task)))) {
			return;
		}
		throw GuardRefusals.refused(new AuthorizationException(caller.userId(), "comment", "Task", String.valueOf(taskId)));
	}

	static Set<String> candidateGroups(TaskEntity task) {
		Set<String> groups = new TreeSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

}
