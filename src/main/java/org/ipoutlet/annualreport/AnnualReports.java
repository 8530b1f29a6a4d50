package org.ipoutlet.annualreport;

import static org.ipoutlet.ProcessKeys.ANNUAL_REPORT;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipoutlet.annualreport.AnnualSummaries.Status;
import org.ipoutlet.annualreport.AnnualSummaries.Summary;
import org.ipoutlet.calendar.BusinessClock;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.OutletRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The annual report (Art. 17): which outlets each recommender must account for, the state of their
 * summaries, and the aggregates sent on to CNIPA.
 */
@Service
public class AnnualReports {

	/** One outlet's line in a recommender's aggregate; {@code status} null = nothing recorded (missing). */
	public record OutletLine(String filingNo, String orgName, Status status) {

		public String label() {
			return status == null ? "未报送" : status.label();
		}
	}

	/** A recommender's view of one summary year. */
	public record Overview(String recommenderId, int summaryYear, List<OutletLine> outlets) {

		public long count(Status status) {
			return outlets.stream().filter(o -> o.status() == status).count();
		}

		public long submitted() {
			return count(Status.SUBMITTED) + count(Status.COMPLIANT) + count(Status.NON_COMPLIANT);
		}

		public long missing() {
			return outlets.stream().filter(o -> o.status() == null || o.status() == Status.MISSING).count();
		}

		public String describe() {
			StringBuilder sb = new StringBuilder();
			for (OutletLine line : outlets) {
				sb.append("- ").append(line.filingNo()).append(" ").append(line.orgName()).append("：")
					.append(line.label()).append('\n');
			}
			return sb.toString();
		}
	}

	/** An aggregate as CNIPA sees it. */
	public record Aggregate(int reportYear, String recommenderId, int outletCount, int submittedCount,
			int compliantCount, int nonCompliantCount, int missingCount, String remarks, String submittedBy,
			Instant submittedAt) {
	}

	private final OutletRepository outlets;
	private final AnnualSummaries summaries;
	private final JdbcTemplate jdbc;
	private final RuntimeService runtime;
	private final HistoryService history;
	private final BusinessClock clock;

	public AnnualReports(OutletRepository outlets, AnnualSummaries summaries, JdbcTemplate jdbc, RuntimeService runtime,
			HistoryService history, BusinessClock clock) {
		this.outlets = outlets;
		this.summaries = summaries;
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.history = history;
		this.clock = clock;
	}

	/** Starts the report of {@code reportYear} (summaries of the year before); refuses a second one. */
	public ProcessInstance start(int reportYear) {
		if (reportYear < 2000 || reportYear > 2999) {
			throw new IllegalArgumentException("reportYear " + reportYear + " is not a plausible year");
		}
		if (exists(reportYear)) {
			throw new IllegalStateException("The annual report " + reportYear + " has already been started");
		}
		return runtime.startProcessInstanceByKey(ANNUAL_REPORT, String.valueOf(reportYear));
	}

	/** Whether an annual-report instance for this year exists (running or finished). */
	public boolean exists(int reportYear) {
		return history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(ANNUAL_REPORT)
			.processInstanceBusinessKey(String.valueOf(reportYear))
			.count() > 0;
	}

	/** The report year for an instance started by the yearly timer: the current year. */
	public int currentReportYear() {
		return clock.today().getYear();
	}

	/** The recommenders that must aggregate the summaries of {@code summaryYear}. */
	public List<String> recommendersWithOutlets(int summaryYear) {
		TreeSet<String> ids = new TreeSet<>();
		for (Outlet o : outlets.findAll()) {
			if (activeIn(o, summaryYear)) {
				ids.add(o.recommenderId());
			}
		}
		ids.addAll(jdbc.queryForList("select distinct recommender_id from annual_summary where summary_year = ?",
				String.class, summaryYear));
		return new ArrayList<>(ids);
	}

	/** Every outlet a recommender accounts for in {@code summaryYear}, with its summary's status. */
	public Overview overview(String recommenderId, int summaryYear) {
		Map<String, OutletLine> lines = new LinkedHashMap<>();
		for (Outlet o : outlets.findByRecommender(recommenderId)) {
			if (activeIn(o, summaryYear)) {
				lines.put(o.filingNo(), new OutletLine(o.filingNo(), o.details().orgName(), null));
			}
		}
		for (Summary s : summaries.forRecommender(summaryYear, recommenderId)) {
			String name = outlets.find(s.filingNo()).map(o -> o.details().orgName()).orElse(s.filingNo());
			lines.put(s.filingNo(), new OutletLine(s.filingNo(), name, s.status()));
		}
		List<OutletLine> sorted = new ArrayList<>(lines.values());
		sorted.sort(Comparator.comparing(OutletLine::filingNo));
		return new Overview(recommenderId, summaryYear, sorted);
	}

	/** Records a recommender's aggregate for CNIPA. */
	public void forward(int reportYear, Overview overview, String remarks, String by) {
		jdbc.update("delete from annual_report_aggregate where report_year = ? and recommender_id = ?", reportYear,
				overview.recommenderId());
		jdbc.update("insert into annual_report_aggregate (report_year, recommender_id, outlet_count, submitted_count, "
				+ "compliant_count, non_compliant_count, missing_count, remarks, submitted_by, submitted_at) "
				+ "values (?,?,?,?,?,?,?,?,?,?)", reportYear, overview.recommenderId(), overview.outlets().size(),
				overview.submitted(), overview.count(Status.COMPLIANT), overview.count(Status.NON_COMPLIANT),
				overview.missing(), remarks, by, Timestamp.from(clock.now()));
	}

	/** All aggregates of a report year, as CNIPA sees them. */
	public List<Aggregate> aggregates(int reportYear) {
		return jdbc.query("select * from annual_report_aggregate where report_year = ? order by recommender_id",
				(rs, i) -> new Aggregate(rs.getInt("report_year"), rs.getString("recommender_id"),
						rs.getInt("outlet_count"), rs.getInt("submitted_count"), rs.getInt("compliant_count"),
						rs.getInt("non_compliant_count"), rs.getInt("missing_count"), rs.getString("remarks"),
						rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant()),
				reportYear);
	}

	/** Whether the outlet held a filing at some time during {@code year}. */
	private boolean activeIn(Outlet o, int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		if (o.validFrom().isAfter(last) || o.validUntil().isBefore(first)) {
			return false;
		}
		if (o.status().active()) {
			return true;
		}
		// Ended (revoked, cancelled, expired): only if it ended during or after that year.
		ZoneId zone = clock.zone();
		return o.statusChangedAt() != null && !LocalDate.ofInstant(o.statusChangedAt(), zone).isBefore(first);
	}

}
