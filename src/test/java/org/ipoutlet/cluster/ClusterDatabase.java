package org.ipoutlet.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL (real binaries) on a fixed port and data directory, so that it can be
 * stopped and started again under the nodes' feet, as a database restart in production.
 */
final class ClusterDatabase implements AutoCloseable {

	private final Path dataDirectory;
	private final int port;
	private EmbeddedPostgres postgres;

	ClusterDatabase(Path workDirectory) throws IOException {
		this.dataDirectory = Files.createDirectories(workDirectory.resolve("pgdata"));
		this.port = freePort();
	}

	void start() throws IOException {
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("max_connections", "300")
			.start();
	}

	/** Stops the server (fast shutdown: open transactions are rolled back), keeping its data. */
	void stop() throws IOException {
		postgres.close();
		postgres = null;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	JdbcTemplate jdbc() {
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), "postgres",
				"");
		return new JdbcTemplate(dataSource);
	}

	@Override
	public void close() throws IOException {
		if (postgres != null) {
			stop();
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
