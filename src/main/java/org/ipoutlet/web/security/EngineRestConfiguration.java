package org.ipoutlet.web.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.spin.spi.SpinDataFormatException;
import org.ipoutlet.web.security.EngineClientMistakes;
import org.ipoutlet.web.security.EngineErrorBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.ipoutlet.validation.SubmissionRejectedException;

/**
 * Error answers of the engine's REST API (/engine-rest, used by Modeler and REST clients), README:
 * Security:
 * <ul>
 * <li>a submission that our server-side rules refuse is 400 with the field errors, wherever in the
 * engine the refusal happened: the engine wraps a task listener's exception, which would otherwise
 * become a 500;</li>
 * <li>a client's mistake the engine reports as a server error (a malformed Json variable value, a
 * Java-serialized Object variable, a deployment without resources) is 400 with a plain message;</li>
 * <li>any other server error is a generic message with a reference id, logged with the exception;</li>
 * <li>every other error keeps Camunda's own answer (its message freed of internals by
 * {@link org.ipoutlet.web.security.EngineErrorBodies}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EngineRestConfiguration.class);

	@Bean
	CamundaJerseyResourceConfig engineRestResourceConfig() {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				super.registerAdditionalResources();
				register(RefusedRestException.class);
				register(RefusedEngineException.class);
				register(AnyException.class);
			}
		};
	}

	static Response toResponse(Throwable thrown) {
		return SubmissionRejectedException.in(thrown).map(refused -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "SubmissionRejected");
			body.put("message", refused.getMessage());
			body.put("errors", refused.errors());
			return json(Response.Status.BAD_REQUEST.getStatusCode(), body);
		}).orElseGet(() -> refusedByAuthorization(thrown).orElseGet(() -> otherError(thrown)));
	}

	/**
	 * Some of Camunda's REST resources (task comments, attachments) turn any engine exception into a 400
	 * "Not enough parameters"; a refusal by an authorization or by the application's guard stays a 403.
	 */
	private static Optional<Response> refusedByAuthorization(Throwable thrown) {
		for (Throwable t = thrown.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
			if (t instanceof AuthorizationException refused) {
				return Optional.of(json(Response.Status.FORBIDDEN.getStatusCode(),
						Map.of("type", "AuthorizationException", "message", EngineClientMistakes.clean(refused.getMessage()))));
			}
		}
		return Optional.empty();
	}

	private static Response otherError(Throwable thrown) {
		Response camunda = ExceptionHandlerHelper.getInstance().getResponse(thrown);
		if (camunda.getStatus() < 500) {
			return camunda;
		}
		String mistake = clientMistake(thrown);
		if (mistake != null) {
			return json(400, Map.of("type", "InvalidRequestException", "message", EngineClientMistakes.describe(mistake)));
		}
		String reference = UUID.randomUUID().toString();
		log.error("Error {} on /engine-rest [reference={}]", camunda.getStatus(), reference, thrown);
		return json(500, EngineErrorBodies.serverError(reference));
	}

	/** The message in the cause chain that shows a client's mistake (Spin or Jackson parse errors included), or null. */
	private static String clientMistake(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String message = t.getMessage() == null ? "" : t.getMessage();
			if (t instanceof SpinDataFormatException || t instanceof JsonProcessingException) {
				return "SPIN/JACKSON-JSON " + message;
			}
			if (EngineClientMistakes.isClientMistake(message)) {
				return message;
			}
		}
		return null;
	}

	private static Response json(int status, Object body) {
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	@Priority(1)
	public static class RefusedRestException implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			return EngineRestConfiguration.toResponse(exception);
		}

	}

	@Priority(1)
	public static class AnyException implements ExceptionMapper<Exception> {

		@Override
		public Response toResponse(Exception exception) {
			return EngineRestConfiguration.toResponse(exception);
		}

	}

	@Priority(1)
	public static class RefusedEngineException implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return EngineRestConfiguration.toResponse(exception);
		}

	}

}
