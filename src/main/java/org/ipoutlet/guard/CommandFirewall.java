package org.ipoutlet.guard;

import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first interceptor of every engine command: decides, by the kind of command, whether the
 * authenticated user may run it at all. A whitelist, so that any route into the engine — a REST
 * resource, the webapps' engine API, a Java call made while a user is authenticated — meets the same
 * rules (README: Security):
 * <ul>
 * <li>administrators ({@code camunda-admin}) and the system (no authenticated user) pass;</li>
 * <li>every other user may read (queries, {@code Get…} commands, filters), and a query or filter
 * extension it sends may not hold an expression ({@link QueryExpressions});</li>
 * <li>users of a working group (outlets, recommenders, CNIPA) may in addition start a process plainly
 * (no start instructions, no skipped listeners or input/output mappings), submit a start form, and
 * work a task (claim, assign, delegate, resolve, complete, submit its form, save its follow-up date,
 * comment on it); the data of those commands is checked by {@link SubmissionFirewall} and
 * {@link TaskAssignmentGuard};</li>
 * <li>everything else — message correlation, signals, BPMN errors from tasks, job execution and
 * re-dating, instance modification, deletion, migration, restart, variable writes outside a task
 * completion, identity links, attachments, deployments, filters, metrics, telemetry, properties,
 * stack traces — is refused with an AuthorizationException (HTTP 403).</li>
 * </ul>
 * Only the outermost command of a call is judged: commands the engine runs inside an allowed one
 * (id blocks, history, the application's own delegates) are part of it.
 */
class CommandFirewall extends CommandInterceptor {

	private static final Logger log = LoggerFactory.getLogger(CommandFirewall.class);

	/** The outermost command of the current call, which {@link SubmissionFirewall} checks in depth. */
	static final ThreadLocal<Object> OUTERMOST = new ThreadLocal<>();

	/** Reads by naming convention: Get…, Is…, Find…, Create…Query…, and the queries and reports. */
	private static final Pattern READ_NAME = Pattern.compile("^(Get|Is|Find|Create\\w*Query)\\w*|\\w*(QueryImpl|ReportImpl)$");

	private static final Set<String> READS = Set.of("CheckPassword", "CheckPasswordAgainstPolicyCmd",
			"AuthorizationCheckCmd", "ExecuteFilterListCmd", "ExecuteFilterListPageCmd", "ExecuteFilterCountCmd",
			"ExecuteFilterSingleResultCmd");

	/** Reads that show engine internals or other people's data: administrators only. */
	private static final Set<String> ADMIN_READS = Set.of("MetricsQueryImpl", "MetricsQuerySumCmd",
			"MetricsQueryIntervalCmd", "TablePageQueryImpl", "SchemaLogQueryImpl", "GetPropertiesCmd",
			"GetTelemetryDataCmd", "IsTelemetryEnabledCmd", "GetLicenseKeyCmd", "GetTableCountCmd",
			"GetTableMetaDataCmd", "GetTableNameCmd", "GetUniqueTaskWorkerCountCmd", "GetJobExceptionStacktraceCmd",
			"GetHistoricJobLogExceptionStacktraceCmd", "GetExternalTaskErrorDetailsCmd",
			"GetHistoricExternalTaskLogErrorDetailsCmd", "GetProcessApplicationForDeploymentCmd", "GetNextIdBlockCmd",
			"FindHistoryCleanupJobsCmd", "GetTopicNamesCmd", "GetHistoryLevelCmd");

	/** What a user of a working group may do beyond reading. */
	private static final Set<String> WORK = Set.of("StartProcessInstanceCmd", "SubmitStartFormCmd", "CompleteTaskCmd",
			"SubmitTaskFormCmd", "ClaimTaskCmd", "AssignTaskCmd", "SetTaskOwnerCmd", "DelegateTaskCmd",
			"ResolveTaskCmd", "SaveTaskCmd", "SetTaskFollowUpDateCmd", "AddCommentCmd", "SaveUserCmd");

	/** The webapps' own read-only query commands (Cockpit's and Tasklist's plugin queries). */
	private static final Set<String> WEBAPP_PACKAGES = Set.of("org.camunda.bpm.webapp.", "org.camunda.bpm.cockpit.",
			"org.camunda.bpm.tasklist.", "org.camunda.bpm.admin.", "org.camunda.bpm.welcome.");

	private final IdentityService identity;

	CommandFirewall(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (Context.getCommandContext() != null || OUTERMOST.get() != null) {
			return next.execute(command);
		}
		Caller caller = Caller.of(identity.getCurrentAuthentication());
		if (caller != null && !caller.isAdmin()) {
			judge(command, caller);
		}
		OUTERMOST.set(command);
		try {
			return next.execute(command);
		}
		finally {
			OUTERMOST.remove();
		}
	}

	private static void judge(Object command, Caller caller) {
		String name = command.getClass().getSimpleName();
		if (isRead(command, name)) {
			if (command instanceof AbstractQuery<?, ?>) {
				QueryExpressions.refuseIn(command);
			}
			else if (command instanceof AbstractExecuteFilterCmd) {
				QueryExpressions.refuseIn(CommandFields.read(command, "extendingQuery"));
			}
			return;
		}
		if (caller.works() && WORK.contains(name)) {
			if (command instanceof StartProcessInstanceCmd) {
				refuseSkippingStart(command, caller);
			}
			return;
		}
		log.warn("Refused {} for user {} (groups {}): not allowed to this role", name, caller.userId(), caller.groups());
		throw GuardRefusals.refused(new AuthorizationException(caller.userId(), "run " + name, "engine", "(application guard)"));
	}

	private static boolean isRead(Object command, String name) {
		if (ADMIN_READS.contains(name)) {
			return false;
		}
		if (READS.contains(name) || command instanceof AbstractQuery<?, ?>) {
			return true;
		}
		String type = command.getClass().getName();
		if (WEBAPP_PACKAGES.stream().anyMatch(type::startsWith)) {
			return true;
		}
		return type.startsWith("org.camunda.bpm.engine.") && READ_NAME.matcher(name).matches();
	}

	private static void refuseSkippingStart(Object command, Caller caller) {
		ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) CommandFields.read(command,
				"instantiationBuilder");
		var modification = builder.getModificationBuilder();
		boolean instructions = modification != null && !modification.getModificationOperations().isEmpty();
		boolean skips = modification != null && (modification.isSkipCustomListeners() || modification.isSkipIoMappings());
		if (instructions || skips) {
			log.warn("Refused a start of {} with instructions or skipped listeners for user {}",
					builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
							: builder.getProcessDefinitionId(), caller.userId());
			throw GuardRefusals.refused(new AuthorizationException(caller.userId(), "start with instructions or skipped listeners",
					"ProcessDefinition", String.valueOf(builder.getProcessDefinitionKey())));
		}
	}

}
