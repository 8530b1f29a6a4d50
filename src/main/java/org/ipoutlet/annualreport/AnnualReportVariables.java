package org.ipoutlet.annualreport;

import org.ipoutlet.institution.OutletVariables;

/** Names of {@code annual-report} (business key = the report year, e.g. {@code 2026} for 2025's summaries). */
final class AnnualReportVariables extends OutletVariables {

	/** The year of the report (the business key), an Integer. */
	public static final String REPORT_YEAR = "reportYear";
	/** Whether this year's report already exists (then this instance ends at once). */
	public static final String ALREADY_REPORTED = "alreadyReported";
	/**
	 * Multi-instance collection: the provincial offices (recommender ids of type PROVINCIAL: GB/T 2260
	 * codes and {@code xpcc}) with outlets in their territory in the summary year; the element variable
	 * is {@code recommenderId}, the office's id.
	 */
	public static final String RECOMMENDER_IDS = "recommenderIds";

	// Local to each recommender's aggregation
	public static final String OUTLET_COUNT = "outletCount";
	public static final String SUBMITTED_COUNT = "submittedCount";
	public static final String COMPLIANT_COUNT = "compliantCount";
	public static final String NON_COMPLIANT_COUNT = "nonCompliantCount";
	public static final String PENDING_REVIEW_COUNT = "pendingReviewCount";
	public static final String MISSING_COUNT = "missingCount";
	/** One line per outlet with its summary's status, for the form. */
	public static final String SUMMARY_OVERVIEW = "summaryOverview";
	/** The recommender's remarks on completion. */
	public static final String AGGREGATE_REMARKS = "aggregateRemarks";
	public static final String AGGREGATED_BY = "aggregatedBy";
	/** CNIPA's remarks on acknowledging (required). */
	public static final String ACKNOWLEDGE_REMARKS = "acknowledgeRemarks";
	public static final String ACKNOWLEDGED_BY = "acknowledgedBy";

	private AnnualReportVariables() {
	}

}
