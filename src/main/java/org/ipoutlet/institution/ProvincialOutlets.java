package org.ipoutlet.institution;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of provincial outlets (省级知识产权信息公共服务网点), kept per province by each provincial
 * IP office (Art. 7(一), Art. 20): an institution recommended by a provincial office must be in that
 * province's list (README, "Registers behind the eligibility check").
 */
@Repository
public class ProvincialOutlets {

	private static final RowMapper<ProvincialOutlet> ROW = (rs, row) -> new ProvincialOutlet(rs.getString("uscc"),
			rs.getString("org_name"), rs.getString("province"), rs.getString("provincial_filing_no"),
			rs.getDate("filed_on").toLocalDate(), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());

	private static final String COLUMNS = "uscc, org_name, province, provincial_filing_no, filed_on, recorded_by, recorded_at";

	private final JdbcTemplate jdbc;

	public ProvincialOutlets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One entry: which institution, of which province, its provincial filing number and date, who recorded it and when. */
	public record ProvincialOutlet(String uscc, String orgName, String province, String provincialFilingNo,
			LocalDate filedOn, String recordedBy, Instant recordedAt) {
	}

	/** Art. 7(一): whether the institution is a provincial outlet of {@code province}. */
	public boolean isProvincialOutletOf(String uscc, String province) {
		Integer count = jdbc.queryForObject("select count(*) from provincial_outlet where uscc = ? and province = ?",
				Integer.class, uscc, province);
		return count != null && count > 0;
	}

	public Optional<ProvincialOutlet> find(String uscc) {
		return jdbc.query("select " + COLUMNS + " from provincial_outlet where uscc = ?", ROW, uscc).stream().findFirst();
	}

	/** The entries of the given provinces (all when {@code provinces} is empty), by province and name. */
	public List<ProvincialOutlet> list(Collection<String> provinces) {
		if (provinces.isEmpty()) {
			return jdbc.query("select " + COLUMNS + " from provincial_outlet order by province, org_name, uscc", ROW);
		}
		String marks = String.join(",", provinces.stream().map(p -> "?").toList());
		return jdbc.query("select " + COLUMNS + " from provincial_outlet where province in (" + marks
				+ ") order by province, org_name, uscc", ROW, provinces.toArray());
	}

	/**
	 * Records an entry, or updates the entry of the same institution in the same province.
	 * @return true when the entry is new
	 * @throws OtherProvinceException when the institution is a provincial outlet of another province
	 */
	public boolean save(ProvincialOutlet outlet) {
		int updated = jdbc.update("update provincial_outlet set org_name = ?, provincial_filing_no = ?, filed_on = ?, "
				+ "recorded_by = ?, recorded_at = ? where uscc = ? and province = ?", outlet.orgName(),
				outlet.provincialFilingNo(), outlet.filedOn(), outlet.recordedBy(), Timestamp.from(outlet.recordedAt()),
				outlet.uscc(), outlet.province());
		if (updated > 0) {
			return false;
		}
		Optional<ProvincialOutlet> other = find(outlet.uscc());
		if (other.isPresent()) {
			throw new OtherProvinceException(outlet.uscc(), other.get().province());
		}
		try {
			jdbc.update("insert into provincial_outlet (" + COLUMNS + ") values (?,?,?,?,?,?,?)", outlet.uscc(),
					outlet.orgName(), outlet.province(), outlet.provincialFilingNo(), outlet.filedOn(), outlet.recordedBy(),
					Timestamp.from(outlet.recordedAt()));
		}
		catch (DuplicateKeyException ex) {
			throw new OtherProvinceException(outlet.uscc(), find(outlet.uscc()).map(ProvincialOutlet::province).orElse("?"));
		}
		return true;
	}

	/**
	 * Records all entries or none (an import).
	 * @return how many were new
	 */
	@Transactional
	public int saveAll(List<ProvincialOutlet> outlets) {
		int created = 0;
		for (ProvincialOutlet outlet : outlets) {
			created += save(outlet) ? 1 : 0;
		}
		return created;
	}

	/** The institution is already a provincial outlet of another province; only that province's office changes it. */
	public static class OtherProvinceException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String province;

		public OtherProvinceException(String uscc, String province) {
			super("Institution " + uscc + " is a provincial outlet of " + province);
			this.province = province;
		}

		public String province() {
			return province;
		}

	}

	/** @return whether there was such an entry */
	public boolean remove(String uscc) {
		return jdbc.update("delete from provincial_outlet where uscc = ?", uscc) > 0;
	}

}
