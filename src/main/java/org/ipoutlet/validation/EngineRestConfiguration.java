package org.ipoutlet.validation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine's REST API (/engine-rest, used by Tasklist and Modeler) answers a submission that our
 * server-side rules refuse with 400 and the field errors, wherever in the engine the refusal
 * happened: the engine wraps a task listener's exception, which would otherwise become a 500.
 * Every other error keeps Camunda's own answer.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

	@Bean
	CamundaJerseyResourceConfig engineRestResourceConfig() {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerAdditionalResources() {
				super.registerAdditionalResources();
				register(RefusedRestException.class);
				register(RefusedEngineException.class);
			}
		};
	}

	static Response toResponse(Throwable thrown) {
		return SubmissionRejectedException.in(thrown).map(refused -> {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "SubmissionRejected");
			body.put("message", refused.getMessage());
			body.put("errors", refused.errors());
			return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
		}).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(thrown));
	}

	@Priority(1)
	public static class RefusedRestException implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
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
