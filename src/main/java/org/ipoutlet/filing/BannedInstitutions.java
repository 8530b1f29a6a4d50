package org.ipoutlet.filing;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Institutions that may not apply, by USCC, until a date (Art. 18). */
@Repository
public class BannedInstitutions {

	private final JdbcTemplate jdbc;

	public BannedInstitutions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
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
