package org.ipoutlet.lifecycle.web;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.lifecycle.LifecycleMessages;
import org.ipoutlet.lifecycle.NoAwaitingInstanceException;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.EngineCalls;
import org.ipoutlet.web.InvalidRequestException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What the API may do to a filed outlet's {@code outlet-lifecycle}: the outlet's own tasks, completed
 * as the outlet user so the engine's validation and authorization apply, and the messages of Art.
 * 10, 17, 18 and 19 through {@link LifecycleMessages} once the caller's role was checked here.
 */
@Service
class LifecycleActions {

	/** The field a {@link LifecycleMessages} refusal names: its message starts with it. */
	private static final Pattern FIELD = Pattern.compile("^(?:field ')?([A-Za-z]+)'?\\b");

	private final OutletRepository outlets;
	private final LifecycleMessages messages;
	private final TaskService tasks;
	private final IdentityService identity;

	LifecycleActions(OutletRepository outlets, LifecycleMessages messages, TaskService tasks, IdentityService identity) {
		this.outlets = outlets;
		this.messages = messages;
		this.tasks = tasks;
		this.identity = identity;
	}

	/** The outlet, if the caller is its outlet user. */
	Outlet asOutletUser(String filingNo, ApiUser user) {
		Outlet outlet = outlet(filingNo);
		if (!user.id().equals(outlet.outletUser())) {
			throw new AccessDeniedException("Only the outlet's own user may do this for outlet " + filingNo);
		}
		return outlet;
	}

	/** The outlet, if the caller is a CNIPA reviewer. */
	Outlet asCnipa(String filingNo, ApiUser user) {
		Outlet outlet = outlet(filingNo);
		if (!user.isCnipa()) {
			throw new AccessDeniedException("Only CNIPA (group cnipa-reviewers) may do this");
		}
		return outlet;
	}

	/** Completes the outlet's open task {@code taskKey} with {@code variables}, as the calling outlet user. */
	void complete(String filingNo, String taskKey, String taskNameZh, Map<String, Object> variables) {
		List<Task> open = EngineCalls.asSystem(identity, () -> tasks.createTaskQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(filingNo)
			.taskDefinitionKey(taskKey)
			.active()
			.list());
		if (open.isEmpty()) {
			throw new ConflictException("No open task " + taskKey + " for outlet " + filingNo + " (当前没有待办的"
					+ taskNameZh + ")");
		}
		try {
			tasks.complete(open.get(0).getId(), variables);
		}
		catch (ProcessEngineException ex) {
			throw SubmissionRejectedException.in(ex).<RuntimeException>map(r -> r).orElse(ex);
		}
	}

	/** Sends a lifecycle message; the caller's role was checked, the engine call runs as the system. */
	void send(Runnable message) {
		try {
			EngineCalls.asSystem(identity, message);
		}
		catch (NoAwaitingInstanceException ex) {
			throw new ConflictException(ex.getMessage() + " (网点当前状态不接受此操作)");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(refusal(ex.getMessage()));
		}
	}

	LifecycleMessages messages() {
		return messages;
	}

	private Outlet outlet(String filingNo) {
		return outlets.find(filingNo).orElseThrow(() -> new NotFoundException("No outlet with filing number " + filingNo));
	}

	/** A {@link LifecycleMessages} refusal ("rectificationReason is required") as a field error. */
	static FieldError refusal(String message) {
		Matcher m = FIELD.matcher(message == null ? "" : message);
		String field = m.find() ? m.group(1) : "body";
		String rule = message != null && message.contains("is required") ? "required"
				: message != null && message.contains("cannot be reported") ? "unknown" : "invalid";
		return new FieldError(field, rule, message, field + "：内容不符合要求（" + message + "）");
	}

}
