package org.ipoutlet.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Filing throughput on H2 (a file database, as in production): README "Benchmark". */
@SpringBootTest
@ActiveProfiles({ "test", "demo", "bench" })
@Import(BenchEngine.class)
class FilingThroughputH2Bench extends FilingThroughputScenario {

	@Override
	String name() {
		return "filing-throughput-h2";
	}

}
