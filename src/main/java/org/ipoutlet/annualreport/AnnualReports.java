package org.ipoutlet.annualreport;

import static org.ipoutlet.ProcessKeys.ANNUAL_REPORT;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The annual report (Art. 17: 经推荐部门审核后，由所在地省级知识产权局汇总报送国家知识产权局公共服务司):
 * which outlets each provincial office accounts for (every outlet in its province, whoever
 * recommended it, see {@link Territories}), the state of their summaries, the aggregates sent on to
 * CNIPA and CNIPA's national overview of them.
 */
@Service
public class AnnualReports {

	/** One outlet's line in an aggregate; {@code status} null = nothing recorded (counted as missing). */
	public record OutletLine(String filingNo, String orgName, String recommenderId, String province, Status status) {

		public String label() {
			return status == null ? "未报送" : status.label();
		}

		/** The figure of the overview the outlet is counted in. */
		public Figure figure() {
			if (status == null || status == Status.MISSING) {
				return Figure.MISSING;
			}
			return switch (status) {
				case COMPLIANT -> Figure.COMPLIANT;
				case NON_COMPLIANT -> Figure.NON_COMPLIANT;
				default -> Figure.PENDING_REVIEW;
			};
		}
	}

	/**
	 * The figures of an aggregate: submitted = compliant + non-compliant + pending review; missing =
	 * not submitted by 31 January (or nothing recorded).
	 */
	public enum Figure {
		COMPLIANT("审核通过"), NON_COMPLIANT("审核不通过"), PENDING_REVIEW("已报送待审核"), MISSING("未报送");

		private final String label;

		Figure(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** An office's view of one summary year. */
	public record Overview(String officeId, int summaryYear, List<OutletLine> outlets) {

		public long count(Status status) {
			return outlets.stream().filter(o -> o.status() == status).count();
		}

		public long count(Figure figure) {
			return outlets.stream().filter(o -> o.figure() == figure).count();
		}

		public List<OutletLine> of(Figure figure) {
			return outlets.stream().filter(o -> o.figure() == figure).toList();
		}

		public long submitted() {
			return count(Status.SUBMITTED) + count(Status.COMPLIANT) + count(Status.NON_COMPLIANT);
		}

		public long missing() {
			return count(Figure.MISSING);
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

	/** An aggregate as CNIPA received it; {@code acknowledgedAt} null until CNIPA acknowledged it. */
	public record Aggregate(int reportYear, String officeId, int outletCount, int submittedCount,
			int compliantCount, int nonCompliantCount, int missingCount, String remarks, String submittedBy,
			Instant submittedAt, String acknowledgedBy, Instant acknowledgedAt, String acknowledgeRemarks) {
	}

	/** Where a province's aggregate of a report year stands in CNIPA's overview. */
	public enum AggregateState {
		/** Not yet sent by the provincial office: the figures are today's. */
		PENDING("待省级知识产权局汇总"),
		/** Sent; awaiting CNIPA's acknowledgement. */
		SUBMITTED("已报送，待确认"),
		ACKNOWLEDGED("已确认收到");

		private final String label;

		AggregateState(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One province's line of the national overview: the aggregate (if sent) and the outlets behind it. */
	public record ProvinceOverview(String officeId, String officeName, AggregateState state, Overview overview,
			Optional<Aggregate> aggregate) {
	}

	/** CNIPA's national overview of a report year (the summaries of the year before). */
	public record NationalOverview(int reportYear, int summaryYear, List<ProvinceOverview> provinces) {
	}

	private final OutletRepository outlets;
	private final AnnualSummaries summaries;
	private final Territories territories;
	private final JdbcTemplate jdbc;
	private final RuntimeService runtime;
	private final HistoryService history;
	private final BusinessClock clock;

	public AnnualReports(OutletRepository outlets, AnnualSummaries summaries, Territories territories,
			JdbcTemplate jdbc, RuntimeService runtime, HistoryService history, BusinessClock clock) {
		this.outlets = outlets;
		this.summaries = summaries;
		this.territories = territories;
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

	/**
	 * The provincial offices that must aggregate the summaries of {@code summaryYear}: the office of
	 * every outlet active in that year or with a summary of it, by the province the register holds now.
	 */
	public List<String> officesWithOutlets(int summaryYear) {
		TreeSet<String> ids = new TreeSet<>();
		Map<String, Outlet> all = byFilingNo();
		for (Outlet o : all.values()) {
			if (activeIn(o, summaryYear)) {
				ids.add(territories.officeOf(o));
			}
		}
		for (Summary s : summaries.forYear(summaryYear)) {
			Outlet o = all.get(s.filingNo());
			if (o != null) {
				ids.add(territories.officeOf(o));
			}
		}
		return new ArrayList<>(ids);
	}

	/** Every outlet an office accounts for in {@code summaryYear}, with its summary's status. */
	public Overview overview(String officeId, int summaryYear) {
		Map<String, Outlet> all = byFilingNo();
		Map<String, OutletLine> lines = new LinkedHashMap<>();
		for (Outlet o : all.values()) {
			if (territories.inTerritory(officeId, o) && activeIn(o, summaryYear)) {
				lines.put(o.filingNo(), line(o, null));
			}
		}
		for (Summary s : summaries.forYear(summaryYear)) {
			Outlet o = all.get(s.filingNo());
			if (o != null && territories.inTerritory(officeId, o)) {
				lines.put(o.filingNo(), line(o, s.status()));
			}
		}
		List<OutletLine> sorted = new ArrayList<>(lines.values());
		sorted.sort(Comparator.comparing(OutletLine::filingNo));
		return new Overview(officeId, summaryYear, sorted);
	}

	/** Records an office's aggregate for CNIPA, with the outlets behind each figure. */
	public void forward(int reportYear, Overview overview, String remarks, String by) {
		jdbc.update("delete from annual_report_aggregate_outlet where report_year = ? and office_id = ?", reportYear,
				overview.officeId());
		jdbc.update("delete from annual_report_aggregate where report_year = ? and recommender_id = ?", reportYear,
				overview.officeId());
		jdbc.update("insert into annual_report_aggregate (report_year, recommender_id, outlet_count, submitted_count, "
				+ "compliant_count, non_compliant_count, pending_review_count, missing_count, remarks, submitted_by, "
				+ "submitted_at) values (?,?,?,?,?,?,?,?,?,?,?)", reportYear, overview.officeId(),
				overview.outlets().size(), overview.submitted(), overview.count(Status.COMPLIANT),
				overview.count(Status.NON_COMPLIANT), overview.count(Status.SUBMITTED), overview.missing(), remarks,
				by, Timestamp.from(clock.now()));
		for (OutletLine line : overview.outlets()) {
			jdbc.update("insert into annual_report_aggregate_outlet (report_year, office_id, filing_no, org_name, "
					+ "recommender_id, province, status) values (?,?,?,?,?,?,?)", reportYear, overview.officeId(),
					line.filingNo(), line.orgName(), line.recommenderId(), line.province(),
					line.status() == null ? null : line.status().name());
		}
	}

	/** CNIPA acknowledged an office's aggregate ({@code acknowledgeAnnualReport}); refused when none was sent. */
	public void acknowledge(int reportYear, String officeId, String remarks, String by) {
		int rows = jdbc.update("update annual_report_aggregate set acknowledged_by = ?, acknowledged_at = ?, "
				+ "acknowledge_remarks = ? where report_year = ? and recommender_id = ?", by,
				Timestamp.from(clock.now()), remarks, reportYear, officeId);
		if (rows != 1) {
			throw new IllegalStateException("No aggregate of " + officeId + " for " + reportYear + " to acknowledge");
		}
	}

	/** All aggregates of a report year, as CNIPA received them. */
	public List<Aggregate> aggregates(int reportYear) {
		return jdbc.query("select * from annual_report_aggregate where report_year = ? order by recommender_id",
				(rs, i) -> aggregate(rs), reportYear);
	}

	/**
	 * CNIPA's national overview (Art. 17): every provincial office with outlets in the summary year or
	 * an aggregate of the report year; a sent aggregate with the outlets as the office sent them, an
	 * unsent one with today's figures.
	 */
	public NationalOverview national(int reportYear) {
		int summaryYear = reportYear - 1;
		Map<String, Aggregate> sent = new LinkedHashMap<>();
		aggregates(reportYear).forEach(a -> sent.put(a.officeId(), a));
		TreeSet<String> offices = new TreeSet<>(officesWithOutlets(summaryYear));
		offices.addAll(sent.keySet());
		List<ProvinceOverview> provinces = new ArrayList<>();
		for (String office : offices) {
			Aggregate a = sent.get(office);
			if (a == null) {
				provinces.add(new ProvinceOverview(office, territories.name(office), AggregateState.PENDING,
						overview(office, summaryYear), Optional.empty()));
			}
			else {
				provinces.add(new ProvinceOverview(office, territories.name(office),
						a.acknowledgedAt() == null ? AggregateState.SUBMITTED : AggregateState.ACKNOWLEDGED,
						new Overview(office, summaryYear, sentLines(reportYear, office)), Optional.of(a)));
			}
		}
		return new NationalOverview(reportYear, summaryYear, provinces);
	}

	private List<OutletLine> sentLines(int reportYear, String office) {
		return jdbc.query("select * from annual_report_aggregate_outlet where report_year = ? and office_id = ? "
				+ "order by filing_no", (rs, i) -> new OutletLine(rs.getString("filing_no"), rs.getString("org_name"),
						rs.getString("recommender_id"), rs.getString("province"),
						rs.getString("status") == null ? null : Status.valueOf(rs.getString("status"))),
				reportYear, office);
	}

	private static Aggregate aggregate(ResultSet rs) throws SQLException {
		Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		return new Aggregate(rs.getInt("report_year"), rs.getString("recommender_id"), rs.getInt("outlet_count"),
				rs.getInt("submitted_count"), rs.getInt("compliant_count"), rs.getInt("non_compliant_count"),
				rs.getInt("missing_count"), rs.getString("remarks"), rs.getString("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), rs.getString("acknowledged_by"),
				acknowledged == null ? null : acknowledged.toInstant(), rs.getString("acknowledge_remarks"));
	}

	private static OutletLine line(Outlet o, Status status) {
		return new OutletLine(o.filingNo(), o.details().orgName(), o.recommenderId(), o.details().province(), status);
	}

	private Map<String, Outlet> byFilingNo() {
		Map<String, Outlet> all = new LinkedHashMap<>();
		outlets.findAll().forEach(o -> all.put(o.filingNo(), o));
		return all;
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
