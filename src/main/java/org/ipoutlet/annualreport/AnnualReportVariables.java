package org.ipoutlet.annualreport;

/** Names of {@code annual-report} (business key = the report year, e.g. {@code 2026} for 2025's summaries). */
public final class AnnualReportVariables {

	public static final String PROCESS_KEY = "annual-report";

	public static final String TASK_AGGREGATE_ANNUAL_REPORT = "aggregateAnnualReport";

	/** The year of the report (the business key), an Integer. */
	public static final String REPORT_YEAR = "reportYear";
	/** The year the summaries cover: reportYear - 1. */
	public static final String SUMMARY_YEAR = "summaryYear";
	/** Whether this year's report already exists (then this instance ends at once). */
	public static final String ALREADY_REPORTED = "alreadyReported";
	/** Multi-instance collection: the recommenders with outlets in the summary year. */
	public static final String RECOMMENDER_IDS = "recommenderIds";
	/** Multi-instance element: one recommender. */
	public static final String RECOMMENDER_ID = "recommenderId";

	// Local to each recommender's aggregation
	public static final String RECOMMENDER_NAME = "recommenderName";
	public static final String OUTLET_COUNT = "outletCount";
	public static final String SUBMITTED_COUNT = "submittedCount";
	public static final String COMPLIANT_COUNT = "compliantCount";
	public static final String NON_COMPLIANT_COUNT = "nonCompliantCount";
	public static final String PENDING_REVIEW_COUNT = "pendingReviewCount";
	public static final String MISSING_COUNT = "missingCount";
	/** One line per outlet with its summary's status, for the form. */
	public static final String SUMMARY_OVERVIEW = "summaryOverview";
	/** The recommender's remarks on completion (contract). */
	public static final String AGGREGATE_REMARKS = "aggregateRemarks";
	public static final String AGGREGATED_BY = "aggregatedBy";

	private AnnualReportVariables() {
	}

}
