package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** The messages {@code outlet-filing} receives, correlated by application number (business key). */
@Service
public class FilingMessages {

	private final RuntimeService runtime;

	public FilingMessages(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/**
	 * An objection during publicity (公示期异议). Each objection opens its own {@code handleObjection}
	 * task, with the objection kept as variables local to it.
	 * @throws NotInPublicityException when the application is not in publicity
	 */
	public void raiseObjection(String applicationNo, String objection, String objectorContact) {
		try {
			runtime.createMessageCorrelation(MESSAGE_OBJECTION_RAISED)
				.processInstanceBusinessKey(applicationNo)
				.setVariablesLocal(Map.of(OBJECTION, objection, OBJECTOR_CONTACT, objectorContact))
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException e) {
			throw new NotInPublicityException(applicationNo);
		}
	}

	/** Objections are accepted only while an application is in publicity. */
	public static class NotInPublicityException extends RuntimeException {

		public NotInPublicityException(String applicationNo) {
			super("Application " + applicationNo + " is not in publicity: objections are accepted only during publicity");
		}

	}

}
