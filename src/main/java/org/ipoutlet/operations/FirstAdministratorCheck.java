package org.ipoutlet.operations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile ({@code postgres} without {@code demo}) has no user with a known password:
 * the first administrator and its password come from the environment ({@code OUTLET_ADMIN_ID},
 * {@code OUTLET_ADMIN_PASSWORD}), or the application refuses to start before it touches the
 * database. Runs after the profiles are known (lowest precedence); registered in
 * {@code META-INF/spring.factories}.
 */
public class FirstAdministratorCheck implements EnvironmentPostProcessor, Ordered {

	static final String ID = "outlet.admin.id";
	static final String PASSWORD = "outlet.admin.password";
	static final int MIN_PASSWORD_LENGTH = 12;
	/** Camunda's default user id white list. */
	static final String USER_ID_PATTERN = "[a-zA-Z0-9]+";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("postgres & !demo"))) {
			return;
		}
		String id = environment.getProperty(ID);
		String password = environment.getProperty(PASSWORD);
		if (id == null || id.isBlank()) {
			throw new MissingFirstAdministratorException("OUTLET_ADMIN_ID is not set");
		}
		if (!id.matches(USER_ID_PATTERN)) {
			throw new MissingFirstAdministratorException(
					"OUTLET_ADMIN_ID '" + id + "' is not a valid user id (letters and digits only)");
		}
		if (password == null || password.isBlank()) {
			throw new MissingFirstAdministratorException("OUTLET_ADMIN_PASSWORD is not set");
		}
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw new MissingFirstAdministratorException(
					"OUTLET_ADMIN_PASSWORD has fewer than " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.equals(id)) {
			throw new MissingFirstAdministratorException("OUTLET_ADMIN_PASSWORD equals OUTLET_ADMIN_ID");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Start-up refused: the production profile needs the first administrator from the environment. */
	public static class MissingFirstAdministratorException extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		private final String reason;

		MissingFirstAdministratorException(String reason) {
			super("Profile 'postgres' needs the first administrator from the environment: " + reason
					+ ". Set OUTLET_ADMIN_ID and OUTLET_ADMIN_PASSWORD (at least " + MIN_PASSWORD_LENGTH
					+ " characters, not the user id).");
			this.reason = reason;
		}

		public String reason() {
			return reason;
		}

	}

}
