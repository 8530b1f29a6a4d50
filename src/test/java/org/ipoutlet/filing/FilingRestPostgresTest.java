package org.ipoutlet.filing;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The filing through REST on PostgreSQL (profile {@code postgres}): real PostgreSQL binaries from
 * Maven Central, started once for this class's Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo", "postgres" })
@ExtendWith(ProcessTest.ResetClock.class)
class FilingRestPostgresTest extends FilingOverRestScenario {

	static final EmbeddedPostgres POSTGRES = start();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException e) {
					// the JVM is going away; nothing more to do
				}
			}));
			return postgres;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
		}
	}

}
