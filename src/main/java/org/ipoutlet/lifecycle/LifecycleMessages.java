package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.validation.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Every message {@code outlet-lifecycle} receives, correlated by business key = filing number. Each
 * method checks its input first (an {@link InvalidInputException} names the bad field and rule) and fails
 * with {@link NoAwaitingInstanceException} when no lifecycle instance waits for the message, so a
 * caller never gets a silent no-op.
 */
@Service
public class LifecycleMessages {

	/** The longest reason CNIPA may give for a rectification order (characters). */
	static final int REASON_MAX = 1000;

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
			throw new InvalidInputException(RECTIFICATION_REASON, "required", RECTIFICATION_REASON + " is required",
					"整改原因：必填");
		}
		if (reason.length() > REASON_MAX) {
			throw new InvalidInputException(RECTIFICATION_REASON, "maxLength",
					RECTIFICATION_REASON + " must be at most " + REASON_MAX + " characters",
					"整改原因：最多" + REASON_MAX + "个字符");
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
			throw new InvalidInputException(FILING_NO, "required", FILING_NO + " is required", "备案编号：必填");
		}
		Outlet outlet = outlets.find(filingNo)
			.orElseThrow(() -> new InvalidInputException(FILING_NO, "unknown",
					FILING_NO + " '" + filingNo + "' is not in the register", "备案编号：网点名录中没有该编号"));
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
