package org.ipoutlet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.ipoutlet.institution.IllegalTransitionException;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.InvalidInputException;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error of the application's own API ({@code /api/**}) as {@code application/problem+json}
 * (RFC 9457). Requests outside {@code /api} are declined (the handler rethrows, and Spring's
 * default error handling answers), so the public page, springdoc and the Camunda webapps keep
 * their own behaviour; Camunda's REST API at {@code /engine-rest} is a JAX-RS application and never
 * reaches Spring MVC's advice. Ordered last so that a feature's own, more specific advice wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(SubmissionRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(SubmissionRejectedException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		return Problems.response(Problems.invalid("The submission breaks " + ex.errors().size() + " rule(s)",
				ex.errors(), request));
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		return Problems.response(Problems.invalid(describe(ex.errors()), ex.errors(), request));
	}

	/** A domain method's refusal of its input (e.g. a lifecycle message), with the rule's own field errors. */
	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		return Problems.response(Problems.invalid(describe(ex.errors()), ex.errors(), request));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		FieldError error;
		if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping);
			error = new FieldError(field, "type", field + " has the wrong type or format",
					field + " 的类型或格式不正确");
		}
		else if (ex.getCause() instanceof JsonProcessingException) {
			error = new FieldError("body", "json", "The request body is not valid JSON", "请求内容不是有效的 JSON");
		}
		else {
			error = new FieldError("body", "json", "The request body is missing or unreadable", "缺少请求内容或无法读取");
		}
		return Problems.response(Problems.invalid(error.message(), List.of(error), request));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex,
			HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		return single(request, new FieldError(ex.getParameterName(), "required",
				"Parameter " + ex.getParameterName() + " is required", "缺少参数 " + ex.getParameterName()));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		return single(request, new FieldError(ex.getRequestPartName(), "required",
				"Part " + ex.getRequestPartName() + " is required", "缺少上传内容 " + ex.getRequestPartName()));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		String type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
		return single(request, new FieldError(ex.getName(), "type", "Parameter " + ex.getName() + " must be of type "
				+ type, "参数 " + ex.getName() + " 的格式不正确"));
	}

	/** Bean Validation of a {@code @Valid} body or form object. */
	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> bind(BindException ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		List<FieldError> errors = new ArrayList<>();
		ex.getFieldErrors()
			.forEach(e -> errors.add(new FieldError(e.getField(), rule(e.getCode()), e.getField() + " "
					+ e.getDefaultMessage(), ruleZh(rule(e.getCode())))));
		ex.getGlobalErrors()
			.forEach(e -> errors.add(new FieldError(e.getObjectName(), rule(e.getCode()), e.getDefaultMessage(),
					ruleZh(rule(e.getCode())))));
		return Problems.response(Problems.invalid(describe(errors), errors, request));
	}

	/** Bean Validation of constrained controller method parameters. */
	@ExceptionHandler(HandlerMethodValidationException.class)
	ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(e -> {
					String rule = rule(e.getCodes() == null ? null : e.getCodes()[0]);
					errors.add(new FieldError(name, rule, name + " " + e.getDefaultMessage(), ruleZh(rule)));
				});
		});
		if (errors.isEmpty()) {
			return other(ex, request);
		}
		return Problems.response(Problems.invalid(describe(errors), errors, request));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		String limit = ex.getMaxUploadSize() > 0 ? " (limit " + ex.getMaxUploadSize() + " bytes)" : "";
		return Problems.response(Problems.problem(Problems.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
				"Upload too large", "The uploaded file or request is larger than allowed" + limit, request));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		return Problems.response(Problems.problem(Problems.NOT_FOUND, HttpStatus.NOT_FOUND, "Not found",
				ex.getMessage(), request));
	}

	@ExceptionHandler(UnauthenticatedException.class)
	ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException ex, HttpServletRequest request)
			throws Exception {
		apiOnly(request, ex);
		ProblemDetail problem = Problems.problem(Problems.UNAUTHENTICATED, HttpStatus.UNAUTHORIZED,
				"Authentication required", ex.getMessage(), request);
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, ApiPaths.CHALLENGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationException.class })
	ResponseEntity<ProblemDetail> forbidden(RuntimeException ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		return Problems.response(Problems.problem(Problems.ACCESS_DENIED, HttpStatus.FORBIDDEN, "Access denied",
				ex.getMessage(), request));
	}

	/**
	 * The resource's state forbids the request: our own conflicts, the register's guarded
	 * transitions, concurrent changes, and a message no process instance is waiting for (e.g. an
	 * objection after the publicity period).
	 */
	@ExceptionHandler({ ConflictException.class, IllegalTransitionException.class,
			OptimisticLockingFailureException.class, OptimisticLockingException.class,
			MismatchingMessageCorrelationException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		ProblemDetail problem = Problems.problem(Problems.CONFLICT, HttpStatus.CONFLICT, "Conflict", ex.getMessage(),
				request);
		problem.setProperty("messageZh", conflictZh(ex));
		return Problems.response(problem);
	}

	/** Every 409 says in Chinese what stood in the way (README, "The application's API"). */
	private static String conflictZh(RuntimeException ex) {
		if (ex instanceof ConflictException conflict) {
			return conflict.messageZh();
		}
		if (ex instanceof IllegalTransitionException refused) {
			return refused.id() + " 当前的状态不允许此操作";
		}
		if (ex instanceof MismatchingMessageCorrelationException) {
			return "当前没有等待此操作的办理事项";
		}
		return "数据刚被他人修改，请刷新后重试";
	}

	/**
	 * Spring MVC's own errors (unknown path, method not allowed, unsupported media type ...) keep
	 * their status; anything else is a 500 whose detail reveals nothing but a correlation id that
	 * is also in the log.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> other(Exception ex, HttpServletRequest request) throws Exception {
		apiOnly(request, ex);
		if (ex instanceof ErrorResponse known) {
			ProblemDetail body = known.getBody();
			ProblemDetail problem = Problems.problem(body.getType(), known.getStatusCode(), body.getTitle(),
					body.getDetail(), request);
			return ResponseEntity.status(known.getStatusCode())
				.headers(known.getHeaders())
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		String correlationId = UUID.randomUUID().toString();
		log.error("Unexpected error on {} {} [correlationId={}]", request.getMethod(), request.getRequestURI(),
				correlationId, ex);
		ProblemDetail problem = Problems.problem(Problems.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error", "An unexpected error occurred. Quote correlation id " + correlationId
						+ " when reporting it.",
				request);
		problem.setProperty("correlationId", correlationId);
		return Problems.response(problem);
	}

	/** Declines requests outside the API: rethrowing hands the exception to Spring's defaults. */
	private static void apiOnly(HttpServletRequest request, Exception ex) throws Exception {
		if (!ApiPaths.isApi(request)) {
			throw ex;
		}
	}

	private static ResponseEntity<ProblemDetail> single(HttpServletRequest request, FieldError error) {
		return Problems.response(Problems.invalid(error.message(), List.of(error), request));
	}

	private static String describe(List<FieldError> errors) {
		return "Invalid " + String.join(", ", errors.stream().map(FieldError::field).distinct().toList());
	}

	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** A Bean Validation constraint name as a rule: {@code NotBlank} becomes {@code notBlank}. */
	/** The Chinese message of a Bean Validation rule (its default message is in the JVM's language). */
	private static String ruleZh(String rule) {
		return switch (rule) {
			case "notNull", "notBlank", "notEmpty" -> "必填";
			case "size", "length" -> "长度不符合要求";
			case "min", "max", "positive", "positiveOrZero", "negative", "negativeOrZero", "range", "decimalMin",
					"decimalMax", "digits" -> "超出允许的取值范围";
			case "pattern", "email" -> "格式不正确";
			default -> "取值不符合要求";
		};
	}

	private static String rule(String code) {
		if (code == null || code.isEmpty()) {
			return "invalid";
		}
		String last = code.substring(code.lastIndexOf('.') + 1);
		return Character.toLowerCase(last.charAt(0)) + last.substring(1);
	}

}
