package org.ipoutlet.institution;

import java.util.Optional;

/**
 * A step that the regulation does not allow from the current status of an application or an
 * outlet (e.g. a registration without a completed publicity period, Art. 7(三), or a renewal of a
 * revoked outlet, Art. 9). Thrown inside the engine's transaction it rolls the step back: a task
 * completion is refused and the task stays open, a job fails and becomes an incident after its
 * retries. Over the API it is a 409 (README, "The application's API").
 */
public class IllegalTransitionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String id;
	private final Enum<?> from;
	private final String action;

	/**
	 * @param subject what is refused, in English ({@code "Outlet"}, {@code "Application"})
	 * @param id its filing or application number
	 * @param from its current status
	 * @param action what it cannot do, in English
	 */
	public IllegalTransitionException(String subject, String id, Enum<?> from, String action) {
		super(subject + " " + id + " in status " + from + " cannot " + action);
		this.id = id;
		this.from = from;
		this.action = action;
	}

	/** The filing or application number. */
	public String id() {
		return id;
	}

	public Enum<?> from() {
		return from;
	}

	public String action() {
		return action;
	}

	/** The refusal behind an engine exception, if any (the engine wraps listeners' exceptions). */
	public static Optional<IllegalTransitionException> in(Throwable thrown) {
		for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof IllegalTransitionException refused) {
				return Optional.of(refused);
			}
		}
		return Optional.empty();
	}

}
