package org.ipoutlet.annualreport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The outlets' annual work summaries (Art. 17), one per outlet and year. */
@Repository
public class AnnualSummaries {

	/** Where a summary stands. */
	public enum Status {
		/** Submitted, awaiting the recommender's review. */
		SUBMITTED("已报送待审核"),
		COMPLIANT("审核通过"),
		NON_COMPLIANT("审核不通过"),
		/** Not submitted by 31 January. */
		MISSING("逾期未报送");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Summary(String filingNo, int year, String recommenderId, Status status, String summary,
			String submittedBy, Instant submittedAt, String reviewOpinion, Instant reviewedAt) {
	}

	private final JdbcTemplate jdbc;

	public AnnualSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void submitted(String filingNo, int year, String recommenderId, String summary, String by, Instant at) {
		upsert(filingNo, year, recommenderId, Status.SUBMITTED);
		jdbc.update("update annual_summary set summary=?, submitted_by=?, submitted_at=?, review_opinion=null, "
				+ "reviewed_at=null where filing_no=? and summary_year=?", summary, by, Timestamp.from(at), filingNo,
				year);
	}

	public void reviewed(String filingNo, int year, boolean compliant, String opinion, Instant at) {
		int rows = jdbc.update("update annual_summary set status=?, review_opinion=?, reviewed_at=? "
				+ "where filing_no=? and summary_year=? and status=?",
				(compliant ? Status.COMPLIANT : Status.NON_COMPLIANT).name(), opinion, Timestamp.from(at), filingNo,
				year, Status.SUBMITTED.name());
		if (rows != 1) {
			throw new IllegalStateException("No submitted " + year + " summary of " + filingNo + " to review");
		}
	}

	/** 31 January passed without a summary; refused when the summary was submitted (Art. 17). */
	public void missing(String filingNo, int year, String recommenderId) {
		find(filingNo, year).filter(s -> s.status() != Status.MISSING).ifPresent(s -> {
			throw new IllegalStateException("The " + year + " summary of " + filingNo + " was submitted ("
					+ s.status() + "): it is not missing");
		});
		upsert(filingNo, year, recommenderId, Status.MISSING);
	}

	public Optional<Summary> find(String filingNo, int year) {
		return jdbc.query("select * from annual_summary where filing_no=? and summary_year=?",
				(rs, i) -> map(rs), filingNo, year).stream().findFirst();
	}

	/** Every summary recorded for {@code year}. */
	public List<Summary> forYear(int year) {
		return jdbc.query("select * from annual_summary where summary_year=? order by filing_no", (rs, i) -> map(rs),
				year);
	}

	/** The summaries of one outlet, newest year first. */
	public List<Summary> forOutlet(String filingNo) {
		return jdbc.query("select * from annual_summary where filing_no=? order by summary_year desc",
				(rs, i) -> map(rs), filingNo);
	}

	public List<Summary> forRecommender(int year, String recommenderId) {
		return jdbc.query("select * from annual_summary where summary_year=? and recommender_id=? order by filing_no",
				(rs, i) -> map(rs), year, recommenderId);
	}

	private void upsert(String filingNo, int year, String recommenderId, Status status) {
		int rows = jdbc.update("update annual_summary set status=? where filing_no=? and summary_year=?",
				status.name(), filingNo, year);
		if (rows == 0) {
			jdbc.update("insert into annual_summary (filing_no, summary_year, recommender_id, status) values (?,?,?,?)",
					filingNo, year, recommenderId, status.name());
		}
	}

	private static Summary map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Timestamp reviewed = rs.getTimestamp("reviewed_at");
		return new Summary(rs.getString("filing_no"), rs.getInt("summary_year"), rs.getString("recommender_id"),
				Status.valueOf(rs.getString("status")), rs.getString("summary"), rs.getString("submitted_by"),
				submitted == null ? null : submitted.toInstant(), rs.getString("review_opinion"),
				reviewed == null ? null : reviewed.toInstant());
	}

}
