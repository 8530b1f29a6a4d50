/**
 * Annual work summaries, their aggregation by province and CNIPA's overview (Art. 17), and the
 * provincial offices' view of their territory (Art. 4, 15).
 *
 * <p>Each outlet's {@code outlet-lifecycle} opens {@code submitAnnualSummary} on 1 January for the
 * previous year, due 31 January (Asia/Shanghai); its recommender reviews it. {@link AnnualSummaries}
 * records every summary's state (SUBMITTED, COMPLIANT, NON_COMPLIANT, MISSING).
 *
 * <p>{@code annual-report} (one instance per year, business key = the report year, e.g. {@code 2026}
 * for the 2025 summaries) starts every 1 February 00:00 Asia/Shanghai by its timer (or by
 * {@link AnnualReports#start(int)}): every provincial office with outlets in its province in the
 * summary year ({@link Territories}: the province the register holds now, whoever recommended the
 * outlet; XPCC's own outlets for XPCC) gets {@code aggregateAnnualReport} (candidate group
 * {@code recommender-<office>}) listing all of them; on completion the aggregate and the outlets
 * behind each figure are recorded for CNIPA, which acknowledges each in {@code acknowledgeAnnualReport}
 * and reads {@link AnnualReports#national(int)}. A year is reported once: a second start for the same
 * year is refused (by hand) or ends at once (timer).
 *
 * <p>{@link TerritoryAccess} lets each office read the lifecycle instances of its territory (engine READ
 * grants, no task rights) and records a notice for every register change of an outlet there.
 */
package org.ipoutlet.annualreport;
