/**
 * Annual work summaries and their aggregation (Art. 17).
 *
 * <p>Each outlet's {@code outlet-lifecycle} opens {@code submitAnnualSummary} on 1 January for the
 * previous year, due 31 January (Asia/Shanghai); the recommender reviews it. {@link AnnualSummaries}
 * records every summary's state (SUBMITTED, COMPLIANT, NON_COMPLIANT, MISSING).
 *
 * <p>{@code annual-report} (business key = the report year, e.g. {@code 2026} for the 2025
 * summaries) starts every 1 February 00:00 Asia/Shanghai by its timer (or by
 * {@link AnnualReports#start(int)}): every recommender with outlets active in the summary year gets
 * {@code aggregateAnnualReport} (candidate group {@code recommender-<id>}) listing its own outlets'
 * summaries and counts; on completion ({@code aggregateRemarks}) the aggregate is sent on to CNIPA,
 * recorded in {@code annual_report_aggregate}, where {@link AnnualReports#aggregates(int)} shows CNIPA
 * all of them. A year is reported once: a second start for the same year is refused (by hand) or ends
 * at once (timer).
 */
package org.ipoutlet.annualreport;
