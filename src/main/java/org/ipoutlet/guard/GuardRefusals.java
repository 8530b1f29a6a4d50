package org.ipoutlet.guard;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Marks the HTTP request whose command the guard refused. Some of Camunda's REST resources (task
 * comments, attachments) turn any engine exception into "400 Not enough parameters"; the webapps'
 * engine API keeps Camunda's own mappers, so the error-body filter reads this mark to answer 403
 * (README: Security).
 */
public final class GuardRefusals {

	/** Request attribute holding the refusal's message. */
	public static final String REQUEST_ATTRIBUTE = GuardRefusals.class.getName();

	private GuardRefusals() {
	}

	static AuthorizationException refused(AuthorizationException refusal) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REQUEST_ATTRIBUTE, refusal.getMessage(), RequestAttributes.SCOPE_REQUEST);
		}
		return refusal;
	}

}
