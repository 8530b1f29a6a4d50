package org.ipoutlet.operations;

import org.ipoutlet.operations.FirstAdministratorCheck.MissingFirstAdministratorException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the refused start-up as Spring Boot's "APPLICATION FAILED TO START" text, without a stack trace. */
public class MissingFirstAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<MissingFirstAdministratorException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingFirstAdministratorException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set the environment variables OUTLET_ADMIN_ID and OUTLET_ADMIN_PASSWORD. The administrator is created "
						+ "on the first start; later starts leave an existing user and its password unchanged.",
				cause);
	}

}
