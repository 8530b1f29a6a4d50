package org.ipoutlet.filing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-year running numbers for application numbers (申请号, {@code SQ-2026-000001}) and filing
 * numbers (备案编号, {@code WD-2026-0001}), unique under concurrent starts on H2 and PostgreSQL.
 * A year's counter row is created if absent (inside a savepoint, so that a simultaneous creation
 * by another transaction only costs a retry); the counter row is then locked by its update, so
 * concurrent transactions get distinct numbers one after another. A rolled-back transaction gives
 * its number back; nothing relies on the numbers being without gaps (see the README).
 */
@Component
class DocumentNumbers {

	/** How often a lock wait that timed out (H2 gives up after 2 s; PostgreSQL waits) is retried. */
	static final int LOCK_ATTEMPTS = 30;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate savepoint;

	public DocumentNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	public String nextApplicationNo(int year) {
		return String.format("SQ-%d-%06d", year, next("application", year));
	}

	public String nextFilingNo(int year) {
		return String.format("WD-%d-%04d", year, next("filing", year));
	}

	private int next(String name, int year) {
		createIfAbsent(name, year);
		for (int attempt = 1;; attempt++) {
			try {
				Integer value = savepoint.execute(tx -> {
					jdbc.update("update number_sequence set next_value = next_value + 1 where name = ? and seq_year = ?",
							name, year);
					return jdbc.queryForObject(
							"select next_value - 1 from number_sequence where name = ? and seq_year = ?", Integer.class,
							name, year);
				});
				return value;
			}
			catch (TransientDataAccessException e) {
				if (attempt >= LOCK_ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	private void createIfAbsent(String name, int year) {
		Integer exists = jdbc.queryForObject("select count(*) from number_sequence where name = ? and seq_year = ?",
				Integer.class, name, year);
		if (exists != null && exists > 0) {
			return;
		}
		for (int attempt = 1;; attempt++) {
			try {
				savepoint.executeWithoutResult(tx -> jdbc.update(
						"insert into number_sequence (name, seq_year, next_value) values (?, ?, 1)", name, year));
				return;
			}
			catch (DuplicateKeyException e) {
				return; // another transaction created it first
			}
			catch (TransientDataAccessException e) {
				if (attempt >= LOCK_ATTEMPTS) {
					throw e;
				}
			}
		}
	}

}
