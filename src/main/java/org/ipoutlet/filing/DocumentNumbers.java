package org.ipoutlet.filing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-year running numbers for application numbers (申请号, {@code SQ-2026-000001}) and filing
 * numbers (备案编号, {@code WD-2026-0001}). The counter row is locked by its update, so concurrent
 * transactions get distinct numbers, and a rolled-back transaction gives its number back.
 */
@Component
public class DocumentNumbers {

	private final JdbcTemplate jdbc;

	public DocumentNumbers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public String nextApplicationNo(int year) {
		return String.format("SQ-%d-%06d", year, next("application", year));
	}

	public String nextFilingNo(int year) {
		return String.format("WD-%d-%04d", year, next("filing", year));
	}

	private int next(String name, int year) {
		int updated = jdbc.update("update number_sequence set next_value = next_value + 1 where name = ? and seq_year = ?",
				name, year);
		if (updated == 0) {
			jdbc.update("insert into number_sequence (name, seq_year, next_value) values (?, ?, 2)", name, year);
			return 1;
		}
		Integer value = jdbc.queryForObject("select next_value - 1 from number_sequence where name = ? and seq_year = ?",
				Integer.class, name, year);
		return value;
	}

}
