package org.ipoutlet.web;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Helpers for controllers calling the engine. The API's security chain
 * ({@link org.ipoutlet.web.security.EngineAuthenticationFilter}) makes every engine call
 * of a request run as the caller, so Camunda authorizations apply; a controller that has decided
 * access itself (e.g. a filing visible to its applicant, who holds no history permission) reads as
 * the system for that one call.
 */
public final class EngineCalls {

	private EngineCalls() {
	}

	/** Runs {@code call} without an authenticated user (no authorization checks), then restores the caller. */
	public static <T> T asSystem(IdentityService identity, Supplier<T> call) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return call.get();
		}
		finally {
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

	public static void asSystem(IdentityService identity, Runnable call) {
		asSystem(identity, () -> {
			call.run();
			return null;
		});
	}

}
