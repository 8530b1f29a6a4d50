package org.ipoutlet.filing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every filing application with its outcome. An application is pending from submission until its
 * process ends; {@code pending_uscc} (unique) holds the USCC meanwhile, so an institution has at most
 * one application in progress.
 */
@Repository
public class FilingApplications {

	private final JdbcTemplate jdbc;

	public FilingApplications(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a submitted application. It holds the institution's pending slot unless another
	 * application of the same institution holds it already (the eligibility check then refuses it).
	 */
	public void submit(String applicationNo, String uscc, String orgName, String recommenderId, String applicant,
			String processInstanceId, Instant now) {
		String pendingUscc = hasPending(uscc) ? null : uscc;
		jdbc.update("insert into filing_application (application_no, uscc, org_name, recommender_id, applicant, "
				+ "process_instance_id, pending_uscc, submitted_at) values (?,?,?,?,?,?,?,?)", applicationNo, uscc,
				orgName, recommenderId, applicant, processInstanceId, pendingUscc, Timestamp.from(now));
	}

	/** Whether another application of this institution than {@code applicationNo} is in progress. */
	public boolean hasOtherPending(String uscc, String applicationNo) {
		Integer count = jdbc.queryForObject("select count(*) from filing_application where uscc = ? "
				+ "and closed_at is null and application_no <> ?", Integer.class, uscc, applicationNo);
		return count != null && count > 0;
	}

	public boolean hasPending(String uscc) {
		Integer count = jdbc.queryForObject("select count(*) from filing_application where pending_uscc = ?",
				Integer.class, uscc);
		return count != null && count > 0;
	}

	/** Closes an application with its outcome and frees the institution's pending slot. */
	public void close(String applicationNo, String outcome, Instant now) {
		jdbc.update("update filing_application set outcome = ?, closed_at = ?, pending_uscc = null "
				+ "where application_no = ?", outcome, Timestamp.from(now), applicationNo);
	}

	public List<String> outcomesOf(String uscc) {
		return jdbc.queryForList("select outcome from filing_application where uscc = ? and outcome is not null "
				+ "order by submitted_at", String.class, uscc);
	}

}
