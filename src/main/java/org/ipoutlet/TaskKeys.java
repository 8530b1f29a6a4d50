package org.ipoutlet;

/**
 * The keys of the user tasks of the three processes (README, "Reference: the public names"), the
 * one place that names them: the diagrams use them as task ids, the stages' rules, the guard,
 * Tasklist views and the documents plugin refer to them by these constants.
 */
public final class TaskKeys {

	// outlet-filing (Art. 6–8)

	/**
	 * Art. 6: the applicant attaches the signed and sealed 备案表 and the work rules; only an application
	 * with both reaches the recommender.
	 */
	public static final String ATTACH_DOCUMENTS = "attachDocuments";

	/** Art. 7(一): the recommender's preliminary review and recommendation. */
	public static final String PRELIMINARY_REVIEW = "preliminaryReview";

	/** Art. 7(一): the applicant supplements the materials the recommender asked for. */
	public static final String SUPPLEMENT_MATERIALS = "supplementMaterials";

	/** Art. 18: CNIPA confirms (or not) a recommender's finding of false materials. */
	public static final String CONFIRM_FALSE_MATERIALS = "confirmFalseMaterials";

	/** Art. 7(二): CNIPA's review. */
	public static final String CNIPA_REVIEW = "cnipaReview";

	/** Art. 7(三): CNIPA handles an objection raised during publicity. */
	public static final String HANDLE_OBJECTION = "handleObjection";

	// outlet-lifecycle (Art. 9–19)

	/** Art. 9: the outlet applies for renewal. */
	public static final String APPLY_FOR_RENEWAL = "applyForRenewal";

	/** Art. 9: the outlet corrects a renewal the recommender or CNIPA returned. */
	public static final String CORRECT_RENEWAL = "correctRenewal";

	/** Art. 9: the recommender reviews the renewal. */
	public static final String REVIEW_RENEWAL = "reviewRenewal";

	/** Art. 9: CNIPA approves or refuses the renewal. */
	public static final String APPROVE_RENEWAL = "approveRenewal";

	/** Art. 10: the recommender forwards a change report to CNIPA or returns it for correction. */
	public static final String REVIEW_CHANGE_REPORT = "reviewChangeReport";

	/** Art. 10: CNIPA records the forwarded change report; the register changes from that day. */
	public static final String RECORD_CHANGE_REPORT = "recordChangeReport";

	/** Art. 17: the outlet submits its annual summary. */
	public static final String SUBMIT_ANNUAL_SUMMARY = "submitAnnualSummary";

	/** Art. 17: the recommender reviews the annual summary. */
	public static final String REVIEW_ANNUAL_SUMMARY = "reviewAnnualSummary";

	/** Art. 17: the outlet reports its rectification. */
	public static final String SUBMIT_RECTIFICATION_REPORT = "submitRectificationReport";

	/** Art. 17: CNIPA verifies the rectification. */
	public static final String VERIFY_RECTIFICATION = "verifyRectification";

	/** Art. 17: CNIPA decides on revocation at the end of an unverified rectification. */
	public static final String DECIDE_REVOCATION = "decideRevocation";

	// annual-report (Art. 17)

	/**
	 * Art. 17: the yearly aggregation of the outlets' annual summaries by the provincial office of the
	 * province where they sit.
	 */
	public static final String AGGREGATE_ANNUAL_REPORT = "aggregateAnnualReport";

	/** Art. 17: CNIPA 公共服务司 acknowledges a provincial office's aggregate. */
	public static final String ACKNOWLEDGE_ANNUAL_REPORT = "acknowledgeAnnualReport";

	private TaskKeys() {
	}

}
