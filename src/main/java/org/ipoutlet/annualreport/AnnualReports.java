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
import java.util.TreeMap;
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

		/** Room kept for the line that counts the outlets left out of {@link #describe(int)}. */
		static final int OMITTED_LINE_RESERVE = 80;

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

		/**
		 * One line per outlet with its summary's state, for the aggregation task: those that need the
		 * office's attention (not submitted, not yet reviewed, non-compliant) first, then the compliant
		 * ones. At most {@code maxChars} characters (a province with a hundred outlets would exceed the
		 * engine's limit for a variable, and the year's aggregation would fail); the outlets left out are
		 * counted in a last line, and the task's figures count them all.
		 */
		public String describe(int maxChars) {
			List<OutletLine> ordered = new ArrayList<>(outlets);
			ordered.sort(Comparator.comparing(line -> line.figure() == Figure.COMPLIANT));
			StringBuilder sb = new StringBuilder();
			int shown = 0;
			for (OutletLine line : ordered) {
				String text = "- " + line.filingNo() + " " + line.orgName() + "：" + line.label() + "\n";
				if (sb.length() + text.length() > maxChars - OMITTED_LINE_RESERVE) {
					break;
				}
				sb.append(text);
				shown++;
			}
			if (shown < ordered.size()) {
				sb.append("……另有 ").append(ordered.size() - shown).append(" 家网点未逐一列出（清单超过字数上限），均已计入上方各项数量\n");
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
		return officesWithOutlets(register(summaryYear), summaryYear);
	}

	/** Every outlet an office accounts for in {@code summaryYear}, with its summary's status. */
	public Overview overview(String officeId, int summaryYear) {
		return overview(register(summaryYear), officeId, summaryYear);
	}

	/** The register, each outlet's office and the summaries of one year, read once for all offices. */
	private record Register(Map<String, Outlet> outlets, Map<String, String> offices, List<Summary> summaries) {

		boolean inTerritory(String officeId, Outlet o, Territories territories) {
			return territories.isOffice(officeId) ? officeId.equals(offices.get(o.filingNo()))
					: territories.inTerritory(officeId, o);
		}
	}

	private Register register(int summaryYear) {
		Map<String, Outlet> all = byFilingNo();
		Map<String, String> offices = new LinkedHashMap<>();
		all.values().forEach(o -> offices.put(o.filingNo(), territories.officeOf(o)));
		return new Register(all, offices, summaries.forYear(summaryYear));
	}

	private List<String> officesWithOutlets(Register register, int summaryYear) {
		return new ArrayList<>(overviewsByOffice(register, summaryYear).keySet());
	}

	/** Every provincial office's overview in one pass over the register (the national overview). */
	private Map<String, Overview> overviewsByOffice(Register register, int summaryYear) {
		Map<String, Map<String, OutletLine>> byOffice = new TreeMap<>();
		for (Outlet o : register.outlets().values()) {
			if (activeIn(o, summaryYear)) {
				byOffice.computeIfAbsent(register.offices().get(o.filingNo()), k -> new TreeMap<>())
					.put(o.filingNo(), line(o, null));
			}
		}
		for (Summary s : register.summaries()) {
			Outlet o = register.outlets().get(s.filingNo());
			if (o != null) {
				byOffice.computeIfAbsent(register.offices().get(o.filingNo()), k -> new TreeMap<>())
					.put(o.filingNo(), line(o, s.status()));
			}
		}
		Map<String, Overview> overviews = new TreeMap<>();
		byOffice.forEach((office, lines) -> overviews.put(office,
				new Overview(office, summaryYear, new ArrayList<>(lines.values()))));
		return overviews;
	}

	private Overview overview(Register register, String officeId, int summaryYear) {
		Map<String, OutletLine> lines = new LinkedHashMap<>();
		for (Outlet o : register.outlets().values()) {
			if (register.inTerritory(officeId, o, territories) && activeIn(o, summaryYear)) {
				lines.put(o.filingNo(), line(o, null));
			}
		}
		for (Summary s : register.summaries()) {
			Outlet o = register.outlets().get(s.filingNo());
			if (o != null && register.inTerritory(officeId, o, territories)) {
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
		Map<String, Overview> live = overviewsByOffice(register(summaryYear), summaryYear);
		TreeSet<String> offices = new TreeSet<>(live.keySet());
		offices.addAll(sent.keySet());
		List<ProvinceOverview> provinces = new ArrayList<>();
		for (String office : offices) {
			Aggregate a = sent.get(office);
			if (a == null) {
				provinces.add(new ProvinceOverview(office, territories.name(office), AggregateState.PENDING,
						live.get(office), Optional.empty()));
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
