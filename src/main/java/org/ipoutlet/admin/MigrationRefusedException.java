package org.ipoutlet.admin;

import java.util.List;
import java.util.Map;

import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.InvalidRequestException;

/**
 * A migration plan or instance that Camunda refuses: 400 with the field errors and, as
 * {@code validationReport}, the engine's report (instruction, variable or instance failures).
 */
class MigrationRefusedException extends InvalidRequestException {

	private static final long serialVersionUID = 1L;

	private final transient List<Map<String, Object>> report;

	MigrationRefusedException(List<FieldError> errors, List<Map<String, Object>> report) {
		super(errors);
		this.report = List.copyOf(report);
	}

	List<Map<String, Object>> report() {
		return report;
	}

}
