package org.ipoutlet;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Calls to the engine as the system. The API's security chain (README, "Who authenticates what")
 * makes every engine call of a request run as the caller, so Camunda authorizations apply; code
 * that has decided access itself (e.g. a filing visible to its applicant, who holds no history
 * permission, or the 备案表 PDF whose reader the documents API has checked) reads as the system for
 * that one call.
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

	/** Runs {@code call} without an authenticated user, then restores the caller. */
	public static void asSystem(IdentityService identity, Runnable call) {
		asSystem(identity, () -> {
			call.run();
			return null;
		});
	}

}
