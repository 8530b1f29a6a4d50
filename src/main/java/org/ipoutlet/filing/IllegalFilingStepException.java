package org.ipoutlet.filing;

/**
 * A step of {@code outlet-filing} that the application's recorded state does not allow (e.g. a
 * registration without a completed publicity period, Art. 7(三)). Thrown inside the engine's
 * transaction it rolls the step back: a task completion is refused and the task stays open, a job
 * fails and becomes an incident after its retries.
 */
public class IllegalFilingStepException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String applicationNo;
	private final ApplicationStatus from;

	public IllegalFilingStepException(String applicationNo, ApplicationStatus from, String step) {
		super("Application " + applicationNo + " in status " + from + " cannot " + step);
		this.applicationNo = applicationNo;
		this.from = from;
	}

	public String applicationNo() {
		return applicationNo;
	}

	public ApplicationStatus from() {
		return from;
	}

	/** The refusal behind an engine exception, if any (the engine wraps listeners' exceptions). */
	public static java.util.Optional<IllegalFilingStepException> in(Throwable thrown) {
		for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof IllegalFilingStepException refused) {
				return java.util.Optional.of(refused);
			}
		}
		return java.util.Optional.empty();
	}

}
