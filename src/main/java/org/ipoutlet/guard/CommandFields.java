package org.ipoutlet.guard;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * Reads a field of one of Camunda's command objects (e.g. the variables a CompleteTaskCmd carries),
 * which the engine keeps protected. The engine version is pinned (README: Security); if a field is
 * missing the guard fails closed and refuses the command.
 */
final class CommandFields {

	private CommandFields() {
	}

	static Object read(Object command, String fieldName) {
		for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(fieldName);
				field.setAccessible(true);
				return field.get(command);
			}
			catch (NoSuchFieldException ex) {
				// look in the superclass
			}
			catch (IllegalAccessException | RuntimeException ex) {
				break;
			}
		}
		throw GuardRefusals.refused(new AuthorizationException("Command " + command.getClass().getSimpleName()
				+ " cannot be checked by the application's guard and is refused"));
	}

}
