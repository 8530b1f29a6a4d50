package org.ipoutlet.bench;

import java.io.IOException;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL (real binaries from Maven Central) for the benchmark, owned by the Spring
 * context: a pool of 20 as the production profile has.
 */
@TestConfiguration(proxyBeanMethods = false)
class BenchPostgres {

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder().start();
	}

	@Bean
	@Primary
	DataSource dataSource(EmbeddedPostgres postgres) {
		com.zaxxer.hikari.HikariDataSource pool = DataSourceBuilder.create()
			.type(com.zaxxer.hikari.HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.driverClassName("org.postgresql.Driver")
			.build();
		pool.setMaximumPoolSize(20);
		return pool;
	}

}
