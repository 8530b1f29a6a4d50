package org.ipoutlet.institution;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Institutions already in the IP public service system that need no filing and may not file
 * (Art. 19): CNIPA units, provincial and municipal service nodes, protection centres, TISC and
 * university centres. CNIPA maintains the list (README, "Registers behind the eligibility check");
 * a designation as TISC or university centre adds to it.
 */
@Repository
public class ExemptInstitutions {

	/** Why an institution is exempt (Art. 19), with the regulation's words. */
	public enum Exemption {
		CNIPA_UNIT("国家知识产权局直属单位"),
		SERVICE_NODE("省级和地市级知识产权公共服务骨干节点"),
		PROTECTION_CENTRE("国家级知识产权保护中心"),
		TISC("技术与创新支持中心（TISC）"),
		UNIVERSITY_CENTRE("高校国家知识产权信息服务中心");

		private final String label;

		Exemption(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static List<String> codes() {
			return Arrays.stream(values()).map(Enum::name).toList();
		}
	}

	/** One entry of the list; {@code recordedBy}/{@code recordedAt} are empty for entries of earlier releases. */
	public record ExemptInstitution(String uscc, String orgName, Exemption exemption, String note, String recordedBy,
			Instant recordedAt) {
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

	/** Every entry, by name. */
	public List<ExemptInstitution> list() {
		return jdbc.query("select uscc, org_name, exemption, note, recorded_by, recorded_at from exempt_institution "
				+ "order by org_name, uscc", (rs, row) -> {
					Timestamp at = rs.getTimestamp("recorded_at");
					return new ExemptInstitution(rs.getString("uscc"), rs.getString("org_name"),
							Exemption.valueOf(rs.getString("exemption")), rs.getString("note"), rs.getString("recorded_by"),
							at == null ? null : at.toInstant());
				});
	}

	/** Records an exemption; a designation as TISC or university centre (Art. 19) adds one too. */
	public void add(String uscc, String orgName, Exemption exemption, String note) {
		save(uscc, orgName, exemption, note, null, null);
	}

	/**
	 * Records or updates an exemption with who recorded it and when (CNIPA's list).
	 * @return true when the entry is new
	 */
	public boolean save(String uscc, String orgName, Exemption exemption, String note, String recordedBy,
			Instant recordedAt) {
		Timestamp at = recordedAt == null ? null : Timestamp.from(recordedAt);
		int updated = jdbc.update("update exempt_institution set org_name = ?, exemption = ?, note = ?, recorded_by = ?, "
				+ "recorded_at = ? where uscc = ?", orgName, exemption.name(), note, recordedBy, at, uscc);
		if (updated > 0) {
			return false;
		}
		jdbc.update("insert into exempt_institution (uscc, org_name, exemption, note, recorded_by, recorded_at) "
				+ "values (?,?,?,?,?,?)", uscc, orgName, exemption.name(), note, recordedBy, at);
		return true;
	}

	/**
	 * Records or updates all entries, or none (an import).
	 * @return how many were new
	 */
	@Transactional
	public int saveAll(List<ExemptInstitution> entries) {
		int created = 0;
		for (ExemptInstitution e : entries) {
			created += save(e.uscc(), e.orgName(), e.exemption(), e.note(), e.recordedBy(), e.recordedAt()) ? 1 : 0;
		}
		return created;
	}

	/** @return whether there was such an entry */
	public boolean remove(String uscc) {
		return jdbc.update("delete from exempt_institution where uscc = ?", uscc) > 0;
	}

}
