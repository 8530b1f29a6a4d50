package org.ipoutlet.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ipoutlet.operations.FirstAdministratorCheck.MissingFirstAdministratorException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** The production profile starts only with the first administrator from the environment. */
class FirstAdministratorCheckTest {

	private final FirstAdministratorCheck check = new FirstAdministratorCheck();

	@Test
	void postgresWithoutAdministratorRefusesToStartNamingTheVariables() {
		MockEnvironment environment = environment("postgres");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.isInstanceOf(MissingFirstAdministratorException.class)
			.hasMessageContaining("OUTLET_ADMIN_ID is not set")
			.hasMessageContaining("OUTLET_ADMIN_PASSWORD");

		environment.setProperty(FirstAdministratorCheck.ID, "ops");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.hasMessageContaining("OUTLET_ADMIN_PASSWORD is not set");
	}

	@Test
	void aShortPasswordOrTheUserIdIsRefused() {
		MockEnvironment environment = environment("postgres").withProperty(FirstAdministratorCheck.ID, "operationsadmin")
			.withProperty(FirstAdministratorCheck.PASSWORD, "short");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.hasMessageContaining("fewer than 12 characters");

		environment.setProperty(FirstAdministratorCheck.PASSWORD, "operationsadmin");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.hasMessageContaining("equals OUTLET_ADMIN_ID");
	}

	@Test
	void anIdCamundaRefusesIsRefusedAtOnce() {
		MockEnvironment environment = environment("postgres").withProperty(FirstAdministratorCheck.ID, "ops-admin")
			.withProperty(FirstAdministratorCheck.PASSWORD, "a-long-secret-2026");
		assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
			.hasMessageContaining("'ops-admin' is not a valid user id");
	}

	@Test
	void aCompleteAdministratorStarts() {
		MockEnvironment environment = environment("postgres").withProperty(FirstAdministratorCheck.ID, "ops")
			.withProperty(FirstAdministratorCheck.PASSWORD, "a-long-secret-2026");
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()));
	}

	@Test
	void theDemoProfileAndTheDefaultH2SetupNeedNone() {
		assertThatNoException()
			.isThrownBy(() -> check.postProcessEnvironment(environment("postgres", "demo"), new SpringApplication()));
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(environment("test"), new SpringApplication()));
	}

	@Test
	void theFailureIsReportedWithoutStackTraceAsDescriptionAndAction() {
		MockEnvironment environment = environment("postgres");
		Throwable failure = org.assertj.core.api.Assertions
			.catchThrowable(() -> check.postProcessEnvironment(environment, new SpringApplication()));
		FailureAnalysis analysis = new MissingFirstAdministratorFailureAnalyzer()
			.analyze(new IllegalStateException("wrapped", failure));
		assertThat(analysis.getDescription()).contains("OUTLET_ADMIN_ID is not set");
		assertThat(analysis.getAction()).contains("OUTLET_ADMIN_ID").contains("OUTLET_ADMIN_PASSWORD");
	}

	private static MockEnvironment environment(String... profiles) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profiles);
		return environment;
	}

}
