package org.ipoutlet.admin;

import org.ipoutlet.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/** A refused migration as an RFC 9457 problem (400) that also carries Camunda's validation report. */
@RestControllerAdvice(assignableTypes = MigrationController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MigrationProblemHandler {

	@ExceptionHandler(MigrationRefusedException.class)
	ResponseEntity<ProblemDetail> refused(MigrationRefusedException ex, HttpServletRequest request) {
		ProblemDetail problem = Problems.invalid("Camunda cannot migrate: " + ex.errors().size() + " failure(s)",
				ex.errors(), request);
		problem.setProperty("validationReport", ex.report());
		return Problems.response(problem);
	}

}
