package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.springframework.stereotype.Service;

/**
 * Every message {@code outlet-lifecycle} receives, correlated by business key = filing number. Each
 * method checks its input first (an {@link IllegalArgumentException} names the bad field) and fails
 * with {@link NoAwaitingInstanceException} when no lifecycle instance waits for the message, so a
 * caller never gets a silent no-op.
 */
@Service
public class LifecycleMessages {

	private final RuntimeService runtime;
	private final OutletRepository outlets;

	public LifecycleMessages(RuntimeService runtime, OutletRepository outlets) {
		this.runtime = runtime;
		this.outlets = outlets;
	}

	/** Art. 10: the outlet reports changed important information; its recommender reviews it. */
	public void reportChange(String filingNo, Map<String, ?> changes) {
		Outlet outlet = activeOutlet(filingNo, MESSAGE_CHANGE_REPORTED);
		ReportedChange change = ReportedChange.of(changes);
		correlate(filingNo, MESSAGE_CHANGE_REPORTED, message(filingNo, MESSAGE_CHANGE_REPORTED)
			.setVariablesToTriggeredScope(ChangeReportVariables.toVariables(change, change.describe(outlet.details()))));
	}

	/** Art. 17: CNIPA orders rectification (six months). Refused while one is already running. */
	public void orderRectification(String filingNo, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException(RECTIFICATION_REASON + " is required");
		}
		if (reason.length() > 1000) {
			throw new IllegalArgumentException(RECTIFICATION_REASON + " must be at most 1000 characters");
		}
		Outlet outlet = activeOutlet(filingNo, MESSAGE_RECTIFICATION_ORDERED);
		if (outlet.status() == OutletStatus.RECTIFYING) {
			throw new NoAwaitingInstanceException(filingNo, MESSAGE_RECTIFICATION_ORDERED,
					"the outlet is already under rectification", null);
		}
		correlate(filingNo, MESSAGE_RECTIFICATION_ORDERED,
				message(filingNo, MESSAGE_RECTIFICATION_ORDERED).setVariable(RECTIFICATION_REASON, reason.strip()));
	}

	/** Art. 18: misconduct revokes the filing at once and bans the institution. */
	public void reportMisconduct(String filingNo, String misconductType) {
		MisconductType type = MisconductType.parse(misconductType);
		activeOutlet(filingNo, MESSAGE_MISCONDUCT_FOUND);
		correlate(filingNo, MESSAGE_MISCONDUCT_FOUND,
				message(filingNo, MESSAGE_MISCONDUCT_FOUND).setVariable(MISCONDUCT_TYPE, type.name()));
	}

	/** Art. 19: designation as TISC or university centre cancels the filing. */
	public void designate(String filingNo, String designation) {
		Designation d = Designation.parse(designation);
		activeOutlet(filingNo, MESSAGE_DESIGNATED_AS_CENTRE);
		correlate(filingNo, MESSAGE_DESIGNATED_AS_CENTRE,
				message(filingNo, MESSAGE_DESIGNATED_AS_CENTRE).setVariable(DESIGNATION, d.name()));
	}

	private Outlet activeOutlet(String filingNo, String messageName) {
		if (filingNo == null || filingNo.isBlank()) {
			throw new IllegalArgumentException(FILING_NO + " is required");
		}
		Outlet outlet = outlets.find(filingNo)
			.orElseThrow(() -> new IllegalArgumentException(FILING_NO + " '" + filingNo + "' is not in the register"));
		if (!outlet.status().active()) {
			throw new NoAwaitingInstanceException(filingNo, messageName,
					"the filing has ended with status " + outlet.status(), null);
		}
		return outlet;
	}

	private MessageCorrelationBuilder message(String filingNo, String messageName) {
		return runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(filingNo);
	}

	private static void correlate(String filingNo, String messageName, MessageCorrelationBuilder builder) {
		try {
			builder.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException e) {
			throw new NoAwaitingInstanceException(filingNo, messageName, "no matching subscription", e);
		}
	}

}
