package org.ipoutlet.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tasklist under load on embedded PostgreSQL: README "Benchmark". The production profile's cookies are
 * Secure (HTTPS at the load balancer); the benchmark talks plain HTTP to localhost, so here they are not.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"server.servlet.session.cookie.secure=false", "camunda.bpm.webapp.session-cookie.enable-secure-cookie=false",
		"camunda.bpm.webapp.csrf.enable-secure-cookie=false" })
@ActiveProfiles({ "test", "demo", "postgres", "bench" })
@Import({ BenchEngine.class, BenchPostgres.class })
class TasklistLoadPostgresBench extends TasklistLoadScenario {

	@Override
	String name() {
		return "tasklist-postgres";
	}

}
