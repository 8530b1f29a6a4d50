package org.ipoutlet.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Filing throughput on embedded PostgreSQL with the production profile's settings: README "Benchmark". */
@SpringBootTest
@ActiveProfiles({ "test", "demo", "postgres", "bench" })
@Import({ BenchEngine.class, BenchPostgres.class })
class FilingThroughputPostgresBench extends FilingThroughputScenario {

	@Override
	String name() {
		return "filing-throughput-postgres";
	}

}
