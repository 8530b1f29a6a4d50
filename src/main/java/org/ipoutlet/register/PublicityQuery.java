package org.ipoutlet.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The public 公示 (Art. 7(三), Art. 8; README "公示 is public"): every application from CNIPA's
 * approval until its publicity period has ended (upcoming and running), and the outlets filed per
 * decision date (发布名单). Read-only from the filing's and the register's tables; no login needed.
 */
@Component
public class PublicityQuery {

	/** How many decision dates the 发布名单 shows, the latest first. */
	static final int ANNOUNCEMENT_DATES = 10;

	private final JdbcTemplate jdbc;

	PublicityQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applications under publicity on {@code today}: approved, with a period whose last day is today or
	 * later (an application whose period has ended drops out, also while an objection is still verified).
	 */
	public List<Candidate> underPublicity(LocalDate today) {
		return jdbc.query("select application_no, org_name, org_category, province, recommender_id, service_items, "
				+ "publicity_starts, publicity_ends from filing_application where status = 'IN_PUBLICITY' "
				+ "and publicity_ends >= ? order by publicity_starts, application_no", PublicityQuery::candidate, today);
	}

	/** Whether {@code applicationNo} is in the publicity list on {@code today}. */
	public boolean isUnderPublicity(String applicationNo, LocalDate today) {
		Integer n = jdbc.queryForObject("select count(*) from filing_application where application_no = ? "
				+ "and status = 'IN_PUBLICITY' and publicity_ends >= ?", Integer.class, applicationNo, today);
		return n != null && n > 0;
	}

	/** The 发布名单: outlets filed on each of the latest decision dates, newest date first. */
	public List<Announcement> announcements() {
		List<LocalDate> dates = jdbc.queryForList("select distinct valid_from from outlet order by valid_from desc",
				java.sql.Date.class).stream().limit(ANNOUNCEMENT_DATES).map(java.sql.Date::toLocalDate).toList();
		if (dates.isEmpty()) {
			return List.of();
		}
		Map<LocalDate, List<Filed>> byDate = new LinkedHashMap<>();
		dates.forEach(d -> byDate.put(d, new ArrayList<>()));
		jdbc.query("select filing_no, org_name, province, valid_from from outlet where valid_from >= ? "
				+ "order by valid_from desc, filing_no", rs -> {
					List<Filed> list = byDate.get(rs.getDate("valid_from").toLocalDate());
					if (list != null) {
						list.add(new Filed(rs.getString("filing_no"), rs.getString("org_name"), rs.getString("province")));
					}
				}, java.sql.Date.valueOf(dates.get(dates.size() - 1)));
		return byDate.entrySet().stream().map(e -> new Announcement(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	private static Candidate candidate(ResultSet rs, int row) throws SQLException {
		String items = rs.getString("service_items");
		return new Candidate(rs.getString("application_no"), rs.getString("org_name"), rs.getString("org_category"),
				rs.getString("province"), rs.getString("recommender_id"),
				items == null || items.isBlank() ? List.of() : Arrays.asList(items.split(",")),
				rs.getDate("publicity_starts").toLocalDate(), rs.getDate("publicity_ends").toLocalDate());
	}

	/** An application under publicity, as CNIPA approved it. */
	public record Candidate(String applicationNo, String orgName, String orgCategory, String province,
			String recommenderId, List<String> serviceItems, LocalDate publicityStart, LocalDate publicityEnd) {
	}

	/** The outlets filed on one decision date. */
	public record Announcement(LocalDate decidedOn, List<Filed> outlets) {
	}

	/** An outlet in the 发布名单. */
	public record Filed(String filingNo, String orgName, String province) {
	}

}
