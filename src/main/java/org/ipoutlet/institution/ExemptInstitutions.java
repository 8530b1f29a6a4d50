package org.ipoutlet.institution;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Institutions already in the IP public service system that need no filing and may not file
 * (Art. 19): CNIPA units, provincial and municipal service nodes, protection centres, TISC and
 * university centres.
 */
@Repository
public class ExemptInstitutions {

	/** Why an institution is exempt. */
	public enum Exemption {
		CNIPA_UNIT, SERVICE_NODE, PROTECTION_CENTRE, TISC, UNIVERSITY_CENTRE
	}

	private final JdbcTemplate jdbc;

	public ExemptInstitutions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Exemption> exemptionOf(String uscc) {
		return jdbc.queryForList("select exemption from exempt_institution where uscc = ?", String.class, uscc)
			.stream()
			.findFirst()
			.map(Exemption::valueOf);
	}

	/** Records an exemption; a designation as TISC or university centre (Art. 19) adds one too. */
	public void add(String uscc, String orgName, Exemption exemption, String note) {
		int updated = jdbc.update("update exempt_institution set org_name = ?, exemption = ?, note = ? where uscc = ?",
				orgName, exemption.name(), note, uscc);
		if (updated == 0) {
			jdbc.update("insert into exempt_institution (uscc, org_name, exemption, note) values (?,?,?,?)", uscc,
					orgName, exemption.name(), note);
		}
	}

}
