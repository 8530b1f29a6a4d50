package org.ipoutlet.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Tasklist under load on embedded PostgreSQL: README "Benchmark". */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo", "postgres", "bench" })
@Import({ BenchEngine.class, BenchPostgres.class })
class TasklistLoadPostgresBench extends TasklistLoadScenario {

	@Override
	String name() {
		return "tasklist-postgres";
	}

}
