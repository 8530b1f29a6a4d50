package org.ipoutlet.institution;

import java.time.LocalDate;
import java.util.List;

import org.ipoutlet.OutletProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Institutions that may not apply, by USCC, until a date (Art. 18). */
@Repository
public class BannedInstitutions {

	private final JdbcTemplate jdbc;
	private final int banYears;

	public BannedInstitutions(JdbcTemplate jdbc, OutletProperties properties) {
		this.jdbc = jdbc;
		this.banYears = properties.filing().banYears();
	}

	/**
	 * Bans an institution for {@code outlet.filing.ban-years} years from {@code from}.
	 * @return the last day of the ban
	 */
	public LocalDate ban(String uscc, String orgName, String reason, LocalDate from, String sourceRef) {
		LocalDate until = lastDayOfBan(from);
		ban(uscc, orgName, reason, from, until, sourceRef);
		return until;
	}

	/** Bans an institution from {@code from} to {@code until} inclusive. */
	public void ban(String uscc, String orgName, String reason, LocalDate from, LocalDate until, String sourceRef) {
		jdbc.update("insert into banned_institution (uscc, org_name, reason, banned_from, banned_until, source_ref) "
				+ "values (?,?,?,?,?,?)", uscc, orgName, reason, from, until, sourceRef);
	}

	/** Art. 18: the last day of a ban that starts on {@code from} ("三年内不得再提交备案申请"). */
	public LocalDate lastDayOfBan(LocalDate from) {
		return from.plusYears(banYears).minusDays(1);
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
