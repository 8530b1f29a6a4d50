package org.ipoutlet.lifecycle.web;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.EngineCalls;
import org.ipoutlet.lifecycle.LifecycleMessages;
import org.ipoutlet.lifecycle.NoAwaitingInstanceException;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.ipoutlet.web.AccessDeniedException;
import org.ipoutlet.web.ApiUser;
import org.ipoutlet.web.ConflictException;
import org.ipoutlet.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What the API may do to a filed outlet's {@code outlet-lifecycle}: the outlet's own tasks, completed
 * as the outlet user so the engine's validation and authorization apply, and the messages of Art.
 * 10, 17, 18 and 19 through {@link LifecycleMessages} once the caller's role was checked here.
 */
@Service
class LifecycleActions {

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
			.processDefinitionKey(OUTLET_LIFECYCLE)
			.processInstanceBusinessKey(filingNo)
			.taskDefinitionKey(taskKey)
			.active()
			.list());
		if (open.isEmpty()) {
			throw new ConflictException("No open task " + taskKey + " for outlet " + filingNo,
					"当前没有待办的" + taskNameZh);
		}
		try {
			tasks.complete(open.get(0).getId(), variables);
		}
		catch (ProcessEngineException ex) {
			throw SubmissionRejectedException.in(ex).<RuntimeException>map(r -> r).orElse(ex);
		}
	}

	/**
	 * Sends a lifecycle message; the caller's role was checked, the engine call runs as the system. A
	 * refused input ({@code InvalidInputException}) reaches the API's problem handler as it is.
	 */
	void send(Runnable message) {
		try {
			EngineCalls.asSystem(identity, message);
		}
		catch (NoAwaitingInstanceException ex) {
			throw new ConflictException(ex.getMessage(), "网点当前状态不接受此操作");
		}
	}

	LifecycleMessages messages() {
		return messages;
	}

	private Outlet outlet(String filingNo) {
		return outlets.find(filingNo).orElseThrow(() -> new NotFoundException("No outlet with filing number " + filingNo));
	}

}
