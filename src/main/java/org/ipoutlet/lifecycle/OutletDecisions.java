package org.ipoutlet.lifecycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Art. 17: CNIPA's decisions at the end of a rectification period (table {@code outlet_decision},
 * V11): the decision's text, who decided (the authenticated user, never typed) and when (server
 * time). Written in the transaction that completes CNIPA's task.
 */
@Repository
public class OutletDecisions {

	/** The kinds of decision recorded. */
	public enum Kind {
		/** 整改期满未核查通过，决定撤销备案. */
		REVOKED,
		/** 整改期满，决定不予撤销. */
		NOT_REVOKED
	}

	private final JdbcTemplate jdbc;

	public OutletDecisions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(String filingNo, Kind kind, String decision, String decidedBy, Instant decidedAt) {
		jdbc.update("insert into outlet_decision (filing_no, kind, decision, decided_by, decided_at) values (?,?,?,?,?)",
				filingNo, kind.name(), decision, decidedBy, Timestamp.from(decidedAt));
	}

	/** Every decision on an outlet, oldest first. */
	public List<Decision> of(String filingNo) {
		return jdbc.query("select kind, decision, decided_by, decided_at from outlet_decision where filing_no = ? "
				+ "order by decided_at, id", (rs, row) -> new Decision(Kind.valueOf(rs.getString("kind")),
						rs.getString("decision"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant()),
				filingNo);
	}

	/** One recorded decision. */
	public record Decision(Kind kind, String decision, String decidedBy, Instant decidedAt) {
	}

}
