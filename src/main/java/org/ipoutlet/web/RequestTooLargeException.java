package org.ipoutlet.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request body longer than the API accepts, found while it was read (a body without
 * Content-Length): 413. An {@link org.springframework.web.ErrorResponse}, so the API's problem
 * handler keeps its status and type.
 */
class RequestTooLargeException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public RequestTooLargeException(long limit) {
		super(HttpStatus.PAYLOAD_TOO_LARGE, body(limit), null);
	}

	static ProblemDetail body(long limit) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + limit + " bytes");
		problem.setType(Problems.PAYLOAD_TOO_LARGE);
		problem.setTitle("Request too large");
		return problem;
	}

}
