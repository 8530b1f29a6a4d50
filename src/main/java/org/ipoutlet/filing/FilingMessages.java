package org.ipoutlet.filing;

import static org.ipoutlet.filing.FilingVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.ipoutlet.calendar.BusinessClock;
import org.springframework.stereotype.Service;
import org.ipoutlet.institution.IllegalTransitionException;

/** The messages {@code outlet-filing} receives, correlated by application number (business key). */
@Service
public class FilingMessages {

	private final RuntimeService runtime;
	private final FilingApplications applications;
	private final BusinessClock clock;

	public FilingMessages(RuntimeService runtime, FilingApplications applications, BusinessClock clock) {
		this.runtime = runtime;
		this.applications = applications;
		this.clock = clock;
	}

	/**
	 * An objection during publicity (公示期异议). Each objection opens its own {@code handleObjection}
	 * task, with the objection kept as variables local to it. Accepted only within the publicity
	 * period recorded by the application (to the end of its last day), not after it, even while
	 * earlier objections are still being verified; the engine refuses it too (see
	 * {@link FilingApplication#raiseObjection}), whoever correlates the message.
	 * @throws NotInPublicityException when the application is not in publicity
	 */
	public void raiseObjection(String applicationNo, String objection, String objectorContact) {
		if (applications.find(applicationNo).filter(a -> a.acceptsObjections(clock.today())).isEmpty()) {
			throw new NotInPublicityException(applicationNo);
		}
		try {
			runtime.createMessageCorrelation(MESSAGE_OBJECTION_RAISED)
				.processInstanceBusinessKey(applicationNo)
				.setVariablesLocal(Map.of(OBJECTION, objection, OBJECTOR_CONTACT, objectorContact))
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException e) {
			throw new NotInPublicityException(applicationNo);
		}
		catch (ProcessEngineException e) {
			if (IllegalTransitionException.in(e).isPresent()) {
				throw new NotInPublicityException(applicationNo);
			}
			throw e;
		}
	}

	/** Objections are accepted only while an application is in publicity. */
	public static class NotInPublicityException extends RuntimeException {

		public NotInPublicityException(String applicationNo) {
			super("Application " + applicationNo + " is not in publicity: objections are accepted only during publicity");
		}

	}

}
