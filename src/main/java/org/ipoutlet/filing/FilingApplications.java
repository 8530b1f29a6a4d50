package org.ipoutlet.filing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every filing application with its status ({@link FilingApplication}) and outcome. An application
 * is pending from submission until its process ends; {@code pending_uscc} (unique) holds the USCC
 * meanwhile, so an institution has at most one application in progress. The unique constraint
 * itself decides between two simultaneous applications of one institution.
 */
@Repository
public class FilingApplications {

	private static final String COLUMNS = "application_no, uscc, org_name, recommender_id, applicant, "
			+ "process_instance_id, status, publicity_starts, publicity_ends, open_objections, status_changed_at, version";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate savepoint;

	public FilingApplications(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * Records a submitted application. It claims the institution's pending slot unless an application
	 * of the same institution visibly holds it already (the eligibility check then refuses it,
	 * {@code APPLICATION_PENDING}). When a simultaneous, not yet committed application of the same
	 * institution claims the slot first, the unique constraint refuses this one:
	 * {@link PendingSlotTakenException}, and the whole start rolls back.
	 */
	public void submit(String applicationNo, String uscc, String orgName, String recommenderId, String applicant,
			String processInstanceId, Instant now) {
		String pendingUscc = hasPending(uscc) ? null : uscc;
		try {
			savepoint.executeWithoutResult(tx -> jdbc.update("insert into filing_application (application_no, uscc, "
					+ "org_name, recommender_id, applicant, process_instance_id, pending_uscc, submitted_at, status, "
					+ "status_changed_at) values (?,?,?,?,?,?,?,?,?,?)", applicationNo, uscc, orgName, recommenderId,
					applicant, processInstanceId, pendingUscc, Timestamp.from(now), ApplicationStatus.SUBMITTED.name(),
					Timestamp.from(now)));
		}
		catch (DuplicateKeyException e) {
			throw new PendingSlotTakenException(uscc);
		}
	}

	/** Whether this application holds its institution's pending slot. */
	public boolean holdsPendingSlot(String applicationNo) {
		Integer count = jdbc.queryForObject("select count(*) from filing_application where application_no = ? "
				+ "and pending_uscc is not null", Integer.class, applicationNo);
		return count != null && count > 0;
	}

	public boolean hasPending(String uscc) {
		Integer count = jdbc.queryForObject("select count(*) from filing_application where pending_uscc = ?",
				Integer.class, uscc);
		return count != null && count > 0;
	}

	public Optional<FilingApplication> find(String applicationNo) {
		return jdbc.query("select " + COLUMNS + " from filing_application where application_no = ?",
				FilingApplications::map, applicationNo).stream().findFirst();
	}

	/** The applications of one applicant (the Camunda user who submitted them), newest first. */
	public List<FilingApplication> ofApplicant(String applicant) {
		return jdbc.query("select " + COLUMNS + " from filing_application where applicant = ? order by submitted_at desc",
				FilingApplications::map, applicant);
	}

	/** The application a process instance runs (recorded at its start, so a changed business key cannot move it). */
	public FilingApplication ofProcessInstance(String processInstanceId) {
		return jdbc.query("select " + COLUMNS + " from filing_application where process_instance_id = ?",
				FilingApplications::map, processInstanceId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"Process instance " + processInstanceId + " has no filing application: it was not started by its intake"));
	}

	/** Saves a transition; refused when another transaction changed the application meanwhile. */
	public void save(FilingApplication a) {
		int rows = jdbc.update("update filing_application set status = ?, publicity_starts = ?, publicity_ends = ?, "
				+ "open_objections = ?, status_changed_at = ?, version = version + 1 where application_no = ? and version = ?",
				a.status().name(), a.publicityStarts() == null ? null : Date.valueOf(a.publicityStarts()),
				a.publicityEnds() == null ? null : Date.valueOf(a.publicityEnds()), a.openObjections(),
				a.statusChangedAt() == null ? null : Timestamp.from(a.statusChangedAt()), a.applicationNo(), a.version());
		if (rows != 1) {
			throw new OptimisticLockingException("Filing application " + a.applicationNo() + " was changed concurrently");
		}
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

	private static FilingApplication map(ResultSet rs, int row) throws SQLException {
		Date starts = rs.getDate("publicity_starts");
		Date ends = rs.getDate("publicity_ends");
		Timestamp changed = rs.getTimestamp("status_changed_at");
		return new FilingApplication(rs.getString("application_no"), rs.getString("uscc"), rs.getString("org_name"),
				rs.getString("recommender_id"), rs.getString("applicant"), rs.getString("process_instance_id"),
				ApplicationStatus.valueOf(rs.getString("status")), starts == null ? null : starts.toLocalDate(),
				ends == null ? null : ends.toLocalDate(), rs.getInt("open_objections"),
				changed == null ? null : changed.toInstant(), rs.getInt("version"));
	}

	/** Another application of the same institution claimed the pending slot at the same moment. */
	public static class PendingSlotTakenException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public PendingSlotTakenException(String uscc) {
			super("Institution " + uscc + " already has a filing application in progress");
		}

		public static Optional<PendingSlotTakenException> in(Throwable thrown) {
			for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
				if (t instanceof PendingSlotTakenException taken) {
					return Optional.of(taken);
				}
			}
			return Optional.empty();
		}

	}

}
