package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.calendar.RegulationDates;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.InvalidInputException;
import org.ipoutlet.validation.SubmissionRule;
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
	private final Recommenders recommenders;
	private final OutletLifecycle lifecycle;
	private final RegulationDates dates;

	LifecycleMessages(RuntimeService runtime, OutletRepository outlets, Recommenders recommenders,
			OutletLifecycle lifecycle, RegulationDates dates) {
		this.runtime = runtime;
		this.outlets = outlets;
		this.recommenders = recommenders;
		this.lifecycle = lifecycle;
		this.dates = dates;
	}

	/** Art. 10: the outlet reports changed important information; its recommender reviews it. */
	public void reportChange(String filingNo, Map<String, ?> changes) {
		Outlet outlet = activeOutlet(filingNo, MESSAGE_CHANGE_REPORTED);
		ReportedChange change = ReportedChange.of(changes, recommenders.provinces().keySet());
		correlate(filingNo, MESSAGE_CHANGE_REPORTED, message(filingNo, MESSAGE_CHANGE_REPORTED)
			.setVariablesToTriggeredScope(ChangeReportVariables.toVariables(change,
					change.describe(outlet.details(), outlet.headTitle()))));
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

	/**
	 * Art. 18: a misconduct finding against an outlet in any state bans the institution for three
	 * years from today, keeping the facts, the decision, who ({@code decidedBy}, the caller) and when.
	 * An active outlet's filing is revoked at once through its lifecycle; for an ended one (expired,
	 * revoked, cancelled: no instance is left) the ban is recorded directly.
	 * @return the last day of the ban
	 */
	public LocalDate reportMisconduct(String filingNo, String misconductType, String facts, String decision,
			String decidedBy) {
		List<FieldError> errors = new ArrayList<>();
		MisconductType type = null;
		try {
			type = MisconductType.parse(misconductType);
		}
		catch (InvalidInputException e) {
			errors.addAll(e.errors());
		}
		required(errors, MISCONDUCT_FACTS, "facts", facts, "查实的违规事实");
		required(errors, MISCONDUCT_DECISION, "decision", decision, "认定决定");
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Outlet outlet = registered(filingNo);
		if (!outlet.status().active()) {
			return lifecycle.banAfterTheEnd(filingNo, type, facts.strip(), decision.strip(), decidedBy);
		}
		correlate(filingNo, MESSAGE_MISCONDUCT_FOUND, message(filingNo, MESSAGE_MISCONDUCT_FOUND)
			.setVariable(MISCONDUCT_TYPE, type.name())
			.setVariable(MISCONDUCT_FACTS, facts.strip())
			.setVariable(MISCONDUCT_DECISION, decision.strip())
			.setVariable(MISCONDUCT_DECIDED_BY, decidedBy));
		return dates.lastDayOfBan(dates.today());
	}

	/** A required text of at most {@link SubmissionRule#OPINION_MAX} characters, named as the API names it. */
	private static void required(List<FieldError> errors, String variable, String field, String value, String labelZh) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError(field, "required", field + " is required", labelZh + "：必填"));
		}
		else if (value.length() > SubmissionRule.OPINION_MAX) {
			errors.add(new FieldError(field, "maxLength", field + " must be at most " + SubmissionRule.OPINION_MAX
					+ " characters", labelZh + "：最多" + SubmissionRule.OPINION_MAX + "个字符"));
		}
	}

	/** Art. 19: designation as TISC or university centre cancels the filing. */
	public void designate(String filingNo, String designation) {
		Designation d = Designation.parse(designation);
		activeOutlet(filingNo, MESSAGE_DESIGNATED_AS_CENTRE);
		correlate(filingNo, MESSAGE_DESIGNATED_AS_CENTRE,
				message(filingNo, MESSAGE_DESIGNATED_AS_CENTRE).setVariable(DESIGNATION, d.name()));
	}

	private Outlet registered(String filingNo) {
		if (filingNo == null || filingNo.isBlank()) {
			throw new InvalidInputException(FILING_NO, "required", FILING_NO + " is required", "备案编号：必填");
		}
		return outlets.find(filingNo)
			.orElseThrow(() -> new InvalidInputException(FILING_NO, "unknown",
					FILING_NO + " '" + filingNo + "' is not in the register", "备案编号：网点名录中没有该编号"));
	}

	private Outlet activeOutlet(String filingNo, String messageName) {
		Outlet outlet = registered(filingNo);
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
