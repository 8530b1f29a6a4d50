package org.ipoutlet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.ipoutlet.institution.IllegalTransitionException;
import org.ipoutlet.register.OutletStatus;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** Every API error is an RFC 9457 problem with the right status; other paths are left alone. */
class ApiProblemHandlerTest {

	private final ApiProblemHandler handler = new ApiProblemHandler();

	@Test
	void rejectedSubmissionIs400WithItsFieldErrors() throws Exception {
		List<FieldError> errors = List.of(new FieldError("uscc", "checkCharacter", "uscc has a wrong check character",
				"统一社会信用代码校验位错误"), new FieldError("typicalCases[2].name", "required", "name is required", "请填写案例名称"));

		ResponseEntity<ProblemDetail> response = handler.rejected(new SubmissionRejectedException("filing", errors),
				api("/api/filings"));

		assertProblem(response, 400, "urn:ipoutlet:problem:invalid-request");
		assertThat(response.getBody().getInstance().toString()).isEqualTo("/api/filings");
		assertThat(response.getBody().getProperties().get("errors")).isEqualTo(errors);
	}

	@Test
	void malformedJsonIs400WithRuleJson_wrongTypeNamesTheField() throws Exception {
		MockHttpInputMessage body = new MockHttpInputMessage("{".getBytes());
		ResponseEntity<ProblemDetail> malformed = handler.unreadable(new HttpMessageNotReadableException("bad",
				new JsonParseException(null, "Unexpected end-of-input"), body), api("/api/x"));
		assertProblem(malformed, 400, "urn:ipoutlet:problem:invalid-request");
		assertThat(errors(malformed).get(0).rule()).isEqualTo("json");
		assertThat(errors(malformed).get(0).field()).isEqualTo("body");

		InvalidFormatException format = InvalidFormatException.from(null, "not a number", "x", Integer.class);
		format.prependPath(new Object(), "staffTotal");
		ResponseEntity<ProblemDetail> wrongType = handler
			.unreadable(new HttpMessageNotReadableException("bad", format, body), api("/api/x"));
		assertThat(errors(wrongType).get(0).field()).isEqualTo("staffTotal");
		assertThat(errors(wrongType).get(0).rule()).isEqualTo("type");
	}

	@Test
	void missingParameterIs400NamingIt() throws Exception {
		ResponseEntity<ProblemDetail> response = handler
			.missingParameter(new MissingServletRequestParameterException("year", "Integer"), api("/api/x"));
		assertProblem(response, 400, "urn:ipoutlet:problem:invalid-request");
		assertThat(errors(response).get(0).field()).isEqualTo("year");
		assertThat(errors(response).get(0).rule()).isEqualTo("required");
	}

	@Test
	void oversizedUploadIs413() throws Exception {
		ResponseEntity<ProblemDetail> response = handler.tooLarge(new MaxUploadSizeExceededException(10_485_760),
				api("/api/filings"));
		assertProblem(response, 413, "urn:ipoutlet:problem:payload-too-large");
		assertThat(response.getBody().getDetail()).contains("10485760");
	}

	@Test
	void notFoundForbiddenAndConflictsMapToTheirStatus() throws Exception {
		assertProblem(handler.notFound(new NotFoundException("No filing SQ1"), api("/api/x")), 404,
				"urn:ipoutlet:problem:not-found");
		assertProblem(handler.forbidden(new AccessDeniedException("Not your outlet"), api("/api/x")), 403,
				"urn:ipoutlet:problem:access-denied");
		assertProblem(handler.forbidden(new AuthorizationException("no READ on task"), api("/api/x")), 403,
				"urn:ipoutlet:problem:access-denied");
		ResponseEntity<ProblemDetail> conflict = handler.conflict(new ConflictException("Publicity is over", "公示期已结束"),
				api("/api/x"));
		assertProblem(conflict, 409, "urn:ipoutlet:problem:conflict");
		assertThat(conflict.getBody().getDetail()).isEqualTo("Publicity is over");
		assertThat(conflict.getBody().getProperties()).containsEntry("messageZh", "公示期已结束");
		ResponseEntity<ProblemDetail> transition = handler.conflict(
				new IllegalTransitionException("Outlet", "F1", OutletStatus.REVOKED, "renew"), api("/api/x"));
		assertProblem(transition, 409, "urn:ipoutlet:problem:conflict");
		assertThat(transition.getBody().getDetail()).contains("REVOKED");
		assertThat(transition.getBody().getProperties()).containsEntry("messageZh", "F1 当前的状态不允许此操作");
	}

	@Test
	void unexpectedErrorIs500WithGenericDetailAndCorrelationId() throws Exception {
		ResponseEntity<ProblemDetail> response = handler.other(new IllegalStateException("secret SQL detail"),
				api("/api/x"));

		assertProblem(response, 500, "urn:ipoutlet:problem:internal-error");
		String correlationId = (String) response.getBody().getProperties().get("correlationId");
		assertThat(correlationId).isNotBlank();
		assertThat(response.getBody().getDetail()).contains(correlationId).doesNotContain("secret");
	}

	@Test
	void springMvcErrorsKeepTheirStatus() throws Exception {
		ResponseEntity<ProblemDetail> response = handler
			.other(new HttpRequestMethodNotSupportedException("DELETE", List.of("GET")), api("/api/outlets"));
		assertThat(response.getStatusCode().value()).isEqualTo(405);
		assertThat(response.getHeaders().getAllow()).containsExactly(HttpMethod.GET);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void unauthenticatedCarriesTheChallenge() throws Exception {
		ResponseEntity<ProblemDetail> response = handler.unauthenticated(new UnauthenticatedException("login"),
				api("/api/me"));
		assertProblem(response, 401, "urn:ipoutlet:problem:unauthenticated");
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"outlets\"");
	}

	@Test
	void requestsOutsideTheApiAreLeftToSpringsDefaults() {
		IllegalStateException failure = new IllegalStateException("page failed");
		assertThatThrownBy(() -> handler.other(failure, request("/outlets"))).isSameAs(failure);
		NotFoundException notFound = new NotFoundException("x");
		assertThatThrownBy(() -> handler.notFound(notFound, request("/camunda/app/x"))).isSameAs(notFound);
		assertThatThrownBy(() -> handler.notFound(notFound, request("/apix"))).isSameAs(notFound);
	}

	private static void assertProblem(ResponseEntity<ProblemDetail> response, int status, String type) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = response.getBody();
		assertThat(problem.getStatus()).isEqualTo(status);
		assertThat(problem.getType().toString()).isEqualTo(type);
		assertThat(problem.getTitle()).isNotBlank();
		assertThat(problem.getDetail()).isNotBlank();
		assertThat(problem.getInstance()).isNotNull();
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errors(ResponseEntity<ProblemDetail> response) {
		return (List<FieldError>) response.getBody().getProperties().get("errors");
	}

	private static MockHttpServletRequest api(String path) {
		return request(path);
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServletPath(path);
		return request;
	}


}
