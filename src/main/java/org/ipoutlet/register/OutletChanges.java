package org.ipoutlet.register;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Art. 10: the history of an outlet's reported items (table {@code outlet_change}, V11): every
 * earlier value, the value that replaced it, the change date (the day CNIPA recorded the report) and
 * who recorded it. Written in the transaction that changes the register.
 */
@Repository
public class OutletChanges {

	private final JdbcTemplate jdbc;

	public OutletChanges(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String filingNo, List<Change> changes) {
		for (Change c : changes) {
			jdbc.update("insert into outlet_change (filing_no, field, old_value, new_value, changed_on, recorded_by, "
					+ "recorded_at) values (?,?,?,?,?,?,?)", filingNo, c.field(), c.oldValue(), c.newValue(), c.changedOn(),
					c.recordedBy(), Timestamp.from(c.recordedAt()));
		}
	}

	/** Every change of an outlet, oldest first. */
	public List<Change> of(String filingNo) {
		return jdbc.query("select field, old_value, new_value, changed_on, recorded_by, recorded_at from outlet_change "
				+ "where filing_no = ? order by changed_on, id", (rs, row) -> new Change(rs.getString("field"),
						rs.getString("old_value"), rs.getString("new_value"), rs.getDate("changed_on").toLocalDate(),
						rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()), filingNo);
	}

	/** One item's change: lists (service items) are comma-separated codes. */
	public record Change(String field, String oldValue, String newValue, LocalDate changedOn, String recordedBy,
			Instant recordedAt) {
	}

}
