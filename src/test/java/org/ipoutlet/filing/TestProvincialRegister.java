package org.ipoutlet.filing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test support for Art. 7(一): enters an institution in the register of provincial outlets of every
 * application context the tests have running, as a provincial office would (README, "Registers behind
 * the eligibility check"), so that {@link FilingFixtures#application(String)} is eligible on the
 * provincial route in whichever shared context the test runs. A bean of the test class path only: the
 * application scans it into each test context, which registers its database here while it lives.
 */
@Component
public class TestProvincialRegister implements DisposableBean {

	private static final Set<JdbcTemplate> LIVE = ConcurrentHashMap.newKeySet();

	private final JdbcTemplate jdbc;

	TestProvincialRegister(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		LIVE.add(jdbc);
	}

	@Override
	public void destroy() {
		LIVE.remove(jdbc);
	}

	/**
	 * Enters {@code uscc} as a provincial outlet of {@code province} (a provincial office's id) in every live
	 * context; idempotent, and safe when tests build the same application on several threads at once.
	 */
	public static synchronized void register(String uscc, String province) {
		for (JdbcTemplate db : LIVE) {
			Timestamp now = Timestamp.from(Instant.now());
			int updated = db.update("update provincial_outlet set province = ?, recorded_at = ? where uscc = ?", province,
					now, uscc);
			if (updated == 0) {
				db.update("insert into provincial_outlet (uscc, org_name, province, provincial_filing_no, filed_on, "
						+ "recorded_by, recorded_at) values (?,?,?,?,?,?,?)", uscc, "测试省级网点", province, "TEST-" + uscc,
						LocalDate.of(2024, 1, 1), "test", now);
			}
		}
	}

}
