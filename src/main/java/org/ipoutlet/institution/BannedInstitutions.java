package org.ipoutlet.institution;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.ipoutlet.calendar.RegulationDates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Institutions that may not apply, by USCC, until a date (Art. 18). */
@Repository
public class BannedInstitutions {

	private final JdbcTemplate jdbc;
	private final RegulationDates dates;

	public BannedInstitutions(JdbcTemplate jdbc, RegulationDates dates) {
		this.jdbc = jdbc;
		this.dates = dates;
	}

	/**
	 * Bans an institution for {@code outlet.filing.ban-years} years from {@code from}.
	 * @return the last day of the ban
	 */
	public LocalDate ban(String uscc, String orgName, String reason, LocalDate from, String sourceRef) {
		LocalDate until = dates.lastDayOfBan(from);
		ban(uscc, orgName, reason, from, until, sourceRef);
		return until;
	}

	/**
	 * Bans an institution for {@code outlet.filing.ban-years} years from {@code from}, keeping the facts
	 * found, the decision's text, who decided and when (Art. 18).
	 * @return the last day of the ban
	 */
	public LocalDate ban(String uscc, String orgName, String reason, LocalDate from, String sourceRef, String facts,
			String decision, String decidedBy, Instant decidedAt) {
		LocalDate until = dates.lastDayOfBan(from);
		jdbc.update("insert into banned_institution (uscc, org_name, reason, banned_from, banned_until, source_ref, "
				+ "facts, decision, decided_by, decided_at) values (?,?,?,?,?,?,?,?,?,?)", uscc, orgName, reason, from, until,
				sourceRef, facts, decision, decidedBy, decidedAt == null ? null : Timestamp.from(decidedAt));
		return until;
	}

	/** Every ban of an institution, newest first. */
	public List<Ban> of(String uscc) {
		return jdbc.query("select reason, banned_from, banned_until, source_ref, facts, decision, decided_by, decided_at "
				+ "from banned_institution where uscc = ? order by banned_until desc, id desc", (rs, row) -> {
					Timestamp at = rs.getTimestamp("decided_at");
					return new Ban(rs.getString("reason"), rs.getDate("banned_from").toLocalDate(),
							rs.getDate("banned_until").toLocalDate(), rs.getString("source_ref"), rs.getString("facts"),
							rs.getString("decision"), rs.getString("decided_by"), at == null ? null : at.toInstant());
				}, uscc);
	}

	/** A recorded ban: why, from and until when, what was found, the decision, who and when. */
	public record Ban(String reason, LocalDate from, LocalDate until, String sourceRef, String facts, String decision,
			String decidedBy, Instant decidedAt) {
	}

	/** Bans an institution from {@code from} to {@code until} inclusive. */
	public void ban(String uscc, String orgName, String reason, LocalDate from, LocalDate until, String sourceRef) {
		jdbc.update("insert into banned_institution (uscc, org_name, reason, banned_from, banned_until, source_ref) "
				+ "values (?,?,?,?,?,?)", uscc, orgName, reason, from, until, sourceRef);
	}

	/** Whether the institution is banned on {@code day}. */
	public boolean isBanned(String uscc, LocalDate day) {
		Integer count = jdbc.queryForObject("select count(*) from banned_institution where uscc = ? "
				+ "and banned_from <= ? and banned_until >= ?", Integer.class, uscc, day, day);
		return count != null && count > 0;
	}

	/** The last day of every ban recorded for an institution, newest first. */
	public List<LocalDate> banEnds(String uscc) {
		return jdbc.queryForList("select banned_until from banned_institution where uscc = ? order by banned_until desc",
				java.sql.Date.class, uscc).stream().map(java.sql.Date::toLocalDate).toList();
	}

}
