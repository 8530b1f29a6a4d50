package org.ipoutlet.filing;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The signed opinions of every application (sections 六–八 of the 备案表), in the application's own
 * table {@code filing_opinion}, written in the transaction of the step that signed them. Read by
 * {@code GET /api/filings/{no}}, the register's record and the printed 备案表.
 */
@Repository
public class FilingOpinions {

	private static final String COLUMNS = "application_no, section, step, decision, opinion, handler, head, "
			+ "false_materials, decided_at, decided_on";

	private final JdbcTemplate jdbc;

	FilingOpinions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void record(FilingOpinion o) {
		jdbc.update("insert into filing_opinion (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?)", o.applicationNo(),
				o.section().name(), o.step().name(), o.decision(), o.opinion(), o.handler(), o.head(),
				o.falseMaterials(), Timestamp.from(o.decidedAt()), Date.valueOf(o.decidedOn()));
	}

	/** Every opinion of the application, in the order they were signed. */
	public List<FilingOpinion> of(String applicationNo) {
		return jdbc.query("select " + COLUMNS + " from filing_opinion where application_no = ? order by id",
				FilingOpinions::map, applicationNo);
	}

	/** The latest opinion of one step. */
	public Optional<FilingOpinion> latest(String applicationNo, FilingOpinion.Step step) {
		List<FilingOpinion> all = jdbc.query("select " + COLUMNS + " from filing_opinion where application_no = ? "
				+ "and step = ? order by id desc", FilingOpinions::map, applicationNo, step.name());
		return all.stream().findFirst();
	}

	/**
	 * The 备案表's sections as they stand: the latest opinion of 六 and of 七, and 八's final decision once
	 * made (CNIPA's review before publicity is not section 八).
	 */
	public List<FilingOpinion> sections(String applicationNo) {
		List<FilingOpinion> all = of(applicationNo);
		return java.util.stream.Stream.of(FilingOpinion.Section.values())
			.flatMap(section -> all.stream()
				.filter(o -> o.section() == section)
				.filter(o -> section != FilingOpinion.Section.EIGHT || o.step() == FilingOpinion.Step.FINAL_DECISION)
				.reduce((first, second) -> second)
				.stream())
			.toList();
	}

	private static FilingOpinion map(ResultSet rs, int row) throws SQLException {
		LocalDate on = rs.getDate("decided_on").toLocalDate();
		return new FilingOpinion(rs.getString("application_no"), FilingOpinion.Section.valueOf(rs.getString("section")),
				FilingOpinion.Step.valueOf(rs.getString("step")), rs.getString("decision"), rs.getString("opinion"),
				rs.getString("handler"), rs.getString("head"), rs.getBoolean("false_materials"),
				rs.getTimestamp("decided_at").toInstant(), on);
	}

}
