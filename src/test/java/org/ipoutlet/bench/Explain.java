package org.ipoutlet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The database's own plan of captured statements, executed (EXPLAIN ANALYZE on H2 and PostgreSQL). */
final class Explain {

	private Explain() {
	}

	static List<String> plans(DataSource dataSource, List<BenchEngine.Captured> statements) throws Exception {
		List<String> plans = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
			for (BenchEngine.Captured query : statements) {
				String explain = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") + query.sql();
				try (PreparedStatement statement = connection.prepareStatement(explain)) {
					for (int i = 0; i < query.parameters().size(); i++) {
						statement.setObject(i + 1, query.parameters().get(i));
					}
					StringBuilder plan = new StringBuilder(query.sql().replaceAll("\\s+", " ")).append("\n");
					try (ResultSet rows = statement.executeQuery()) {
						while (rows.next()) {
							plan.append(rows.getString(1)).append("\n");
						}
					}
					plans.add(plan.toString());
				}
				catch (java.sql.SQLException ex) {
					plans.add("EXPLAIN failed: " + ex.getMessage());
				}
			}
		}
		return plans;
	}

}
