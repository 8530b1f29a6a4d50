package org.ipoutlet.filing;

import java.io.IOException;

import javax.sql.DataSource;

import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The filing through REST on PostgreSQL (profile {@code postgres}): real PostgreSQL binaries from
 * Maven Central. The server belongs to this class's Spring context, which is closed after the
 * class, so the database stops after everything that uses it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo", "postgres" })
@ExtendWith(ProcessTest.ResetClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FilingRestPostgresTest extends FilingOverRestScenario {

	@TestConfiguration(proxyBeanMethods = false)
	static class Postgres {

		@Bean(destroyMethod = "close")
		EmbeddedPostgres embeddedPostgres() throws IOException {
			return EmbeddedPostgres.builder().start();
		}

		@Bean
		@Primary
		DataSource dataSource(EmbeddedPostgres postgres) {
			return DataSourceBuilder.create()
				.url(postgres.getJdbcUrl("postgres", "postgres"))
				.username("postgres")
				.driverClassName("org.postgresql.Driver")
				.build();
		}

	}

}
