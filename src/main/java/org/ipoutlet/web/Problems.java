package org.ipoutlet.web;

import java.net.URI;
import java.util.List;

import org.ipoutlet.validation.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * RFC 9457 problem details of the application's API: a {@code type} URI per kind of problem, the
 * request path as {@code instance}, and for invalid input an {@code errors} array of
 * {@code {field, rule, message, messageZh}}.
 */
public final class Problems {

	public static final String TYPE_PREFIX = "urn:ipoutlet:problem:";

	public static final URI INVALID_REQUEST = type("invalid-request");
	public static final URI UNAUTHENTICATED = type("unauthenticated");
	public static final URI ACCESS_DENIED = type("access-denied");
	public static final URI NOT_FOUND = type("not-found");
	public static final URI CONFLICT = type("conflict");
	public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
	public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
	public static final URI INTERNAL_ERROR = type("internal-error");

	private Problems() {
	}

	public static ProblemDetail problem(URI type, HttpStatusCode status, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		problem.setInstance(instance(request));
		return problem;
	}

	public static ProblemDetail invalid(String detail, List<FieldError> errors, HttpServletRequest request) {
		ProblemDetail problem = problem(INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", detail, request);
		problem.setProperty("errors", errors);
		return problem;
	}

	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static URI type(String name) {
		return URI.create(TYPE_PREFIX + name);
	}

	private static URI instance(HttpServletRequest request) {
		try {
			return new URI(null, null, request.getRequestURI(), null);
		}
		catch (Exception ex) {
			return null;
		}
	}

}
