package org.ipoutlet.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The register's record of how an outlet was filed (Art. 8): the opinions of sections 六, 七 and 八 of
 * its 备案表 as signed, read from the filing's table {@code filing_opinion} (README, "Sections 六–八:
 * signed and dated opinions"). Section 八 is CNIPA's final decision. Read-only; the register publishes
 * the decisions, opinions and dates, not the names of the people who signed them (see
 * {@link org.ipoutlet.register.web.OutletView}).
 */
@Component
public class FilingRecordQuery {

	private final JdbcTemplate jdbc;

	FilingRecordQuery(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The sections in order (六, 七, 八), each its latest signed opinion. */
	public List<SignedSection> sections(String applicationNo) {
		Map<String, SignedSection> latest = new LinkedHashMap<>();
		latest.put("SIX", null);
		latest.put("SEVEN", null);
		latest.put("EIGHT", null);
		jdbc.query("select section, step, decision, opinion, decided_on from filing_opinion where application_no = ? "
				+ "and (section <> 'EIGHT' or step = 'FINAL_DECISION') order by id", rs -> {
					latest.put(rs.getString("section"), new SignedSection(rs.getString("section"), rs.getString("decision"),
							rs.getString("opinion"), rs.getDate("decided_on").toLocalDate()));
				}, applicationNo);
		List<SignedSection> sections = new ArrayList<>();
		latest.values().stream().filter(s -> s != null).forEach(sections::add);
		return sections;
	}

	/** A signed section: its code ({@code SIX}, {@code SEVEN}, {@code EIGHT}), decision code, opinion and date. */
	public record SignedSection(String section, String decision, String opinion, LocalDate decidedOn) {
	}

}
