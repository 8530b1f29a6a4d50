package org.ipoutlet.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's bare starter (README "Benchmark", start-up): Camunda 7.24's Spring Boot starter with
 * the same webapps and REST API, the same engine settings (authorization on, history full), an empty
 * deployment and nothing of the application. Started with {@code bench/bare-starter.yaml} only.
 */
@SpringBootApplication
public class BareStarter {

	public static void main(String[] args) {
		SpringApplication.run(BareStarter.class, args);
	}

}
