package org.ipoutlet;

import org.ipoutlet.identity.Recommenders;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties({ OutletProperties.class, Recommenders.class })
public class OutletFilingApplication {

	public static void main(String[] args) {
		SpringApplication.run(OutletFilingApplication.class, args);
	}

}
