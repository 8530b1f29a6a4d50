package org.ipoutlet.lifecycle;

import org.ipoutlet.institution.OutletVariables;

/** The names of {@code outlet-lifecycle} (README, "Reference"); the shared ones come from {@link OutletVariables}. */
public final class LifecycleVariables extends OutletVariables {

	// The start variables (set by the filing process when it registers an outlet) are OutletVariables'.


	// Annual summary (Art. 17)
	/** Last day (ISO date) for the current summary: 31 January of the following year. */
	public static final String SUMMARY_DUE = "summaryDue";
	/** The instant (ISO date-time) the summary task opens: 1 January of the following year. */
	public static final String SUMMARY_OPENS_AT = "summaryOpensAt";
	/** The instant (ISO date-time) the summary deadline passes: the end of {@code summaryDue}. */
	public static final String SUMMARY_DEADLINE_AT = "summaryDeadlineAt";
	public static final String ANNUAL_SUMMARY = "annualSummary";
	public static final String SUMMARY_COMPLIANT = "summaryCompliant";
	public static final String REVIEW_OPINION = "reviewOpinion";

	// Rectification (Art. 17)
	public static final String RECTIFICATION_REASON = "rectificationReason";
	public static final String RECTIFICATION_ORDERED_ON = "rectificationOrderedOn";
	/** Last day (ISO date) of the rectification period. */
	public static final String RECTIFICATION_DEADLINE = "rectificationDeadline";
	/** The instant (ISO date-time) the rectification period is over: the end of its last day. */
	public static final String RECTIFICATION_ENDS_AT = "rectificationEndsAt";
	public static final String RECTIFICATION_REPORT = "rectificationReport";
	public static final String RECTIFIED = "rectified";
	public static final String VERIFICATION_OPINION = "verificationOpinion";
	/** The follow-up instant (ISO date-time) of the rectification tasks: a reminder one month before the deadline. */
	public static final String RECTIFICATION_REMINDER_AT = "rectificationReminderAt";
	/** Set when CNIPA's verification is completed: whether the period was over by then. */
	public static final String RECTIFICATION_PERIOD_OVER = "rectificationPeriodOver";
	/** CNIPA's decision at the end of an unverified rectification: revoke (true) or not. */
	public static final String REVOKE = "revoke";
	/** The text of that decision (required). */
	public static final String REVOCATION_DECISION = "revocationDecision";

	// Renewal (Art. 9)
	/** The first day (ISO date) of the renewal window, and the instant its timer fires. */
	public static final String RENEWAL_WINDOW_OPENS = "renewalWindowOpens";
	public static final String RENEWAL_WINDOW_OPENS_AT = "renewalWindowOpensAt";
	/** The instant (ISO date-time) the validity is over: the end of {@code validUntil}. */
	public static final String EXPIRES_AT = "expiresAt";
	public static final String RENEWAL_RECOMMENDED = "renewalRecommended";
	public static final String RENEWAL_REVIEW_OPINION = "renewalReviewOpinion";
	public static final String RENEWAL_APPROVED = "renewalApproved";
	public static final String RENEWAL_APPROVAL_OPINION = "renewalApprovalOpinion";
	/** Why the last approved renewal could not be granted (e.g. the outlet is under rectification). */
	public static final String RENEWAL_BLOCKED_REASON = "renewalBlockedReason";
	public static final String RENEWAL_COUNT = "renewalCount";
	/** CNIPA did not approve: returned for correction (true) or refused finally (false). */
	public static final String RENEWAL_RETURNED = "renewalReturned";
	/** Whether the updated data still meet Art. 5 and Art. 12 (set by the renewal's check). */
	public static final String RENEWAL_ELIGIBLE = "renewalEligible";
	/** The codes of every failed rule of that check (JSON list, as {@code ineligibilityReasons}). */
	public static final String RENEWAL_INELIGIBILITY_REASONS = "renewalIneligibilityReasons";
	/** Why the renewal was refused finally, in Chinese: the failed rules or CNIPA's opinion. */
	public static final String RENEWAL_REFUSAL_REASON = "renewalRefusalReason";
	/** After a final refusal: whether validity is already over (expire today) or runs on to {@code validUntil}. */
	public static final String RENEWAL_EXPIRES_NOW = "renewalExpiresNow";

	// Change report (Art. 10)
	public static final String CHANGE_ACCEPTED = "changeAccepted";
	public static final String CHANGE_REVIEW_OPINION = "changeReviewOpinion";
	/** Human-readable list of the reported changes, for the reviewer's form. */
	public static final String CHANGE_SUMMARY = "changeSummary";
	/** CNIPA's confirmation that it records the change report (recordChangeReport). */
	public static final String CHANGE_RECORDED = "changeRecorded";
	public static final String CHANGE_RECORD_OPINION = "changeRecordOpinion";
	/** Who completed recordChangeReport: the authenticated user, set by the application, never typed. */
	public static final String CHANGE_RECORDED_BY = "changeRecordedBy";

	// Misconduct (Art. 18) and designation (Art. 19)
	public static final String MISCONDUCT_TYPE = "misconductType";
	/** Art. 18 finding: the facts found, the decision's text, who decided (the caller, never typed). */
	public static final String MISCONDUCT_FACTS = "misconductFacts";
	public static final String MISCONDUCT_DECISION = "misconductDecision";
	public static final String MISCONDUCT_DECIDED_BY = "misconductDecidedBy";
	/** Art. 18: the last day of the institution's ban (ISO date). */
	public static final String BANNED_UNTIL = "bannedUntil";
	public static final String DESIGNATION = "designation";

	/** How the lifecycle ended: EXPIRED, REVOKED or CANCELLED (the register status). */
	public static final String LIFECYCLE_OUTCOME = "lifecycleOutcome";

	// Messages (correlated by business key = filing number)
	public static final String MESSAGE_CHANGE_REPORTED = "ChangeReported";
	public static final String MESSAGE_RECTIFICATION_ORDERED = "RectificationOrdered";
	public static final String MESSAGE_MISCONDUCT_FOUND = "MisconductFound";
	public static final String MESSAGE_DESIGNATED_AS_CENTRE = "DesignatedAsCentre";

	// BPMN errors the diagram handles
	/** A renewal was approved while the outlet is not in good standing (under rectification). */
	public static final String ERROR_RENEWAL_REFUSED = "RENEWAL_REFUSED";
	/** A rectification was triggered while one is already running. */
	public static final String ERROR_ALREADY_RECTIFYING = "ALREADY_RECTIFYING";

	private LifecycleVariables() {
	}

}
