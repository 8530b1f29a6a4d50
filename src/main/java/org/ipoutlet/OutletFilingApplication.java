package org.ipoutlet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(OutletProperties.class)
public class OutletFilingApplication {

	public static void main(String[] args) {
		SpringApplication.run(OutletFilingApplication.class, args);
	}

}
