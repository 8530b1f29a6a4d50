package org.ipoutlet.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Tasklist under load on H2: README "Benchmark". */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo", "bench" })
@Import(BenchEngine.class)
class TasklistLoadH2Bench extends TasklistLoadScenario {

	@Override
	String name() {
		return "tasklist-h2";
	}

}
