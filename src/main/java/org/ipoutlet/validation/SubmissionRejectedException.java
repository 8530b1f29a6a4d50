package org.ipoutlet.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A submission refused by server-side validation. Thrown inside the engine's transaction it rolls
 * everything back (no instance, no variable, no job); the engine's REST API answers a refused
 * form submission with 400 and this message, which Tasklist shows to the official.
 */
public class SubmissionRejectedException extends FormFieldValidationException {

	private static final long serialVersionUID = 1L;

	private final transient List<FieldError> errors;

	public SubmissionRejectedException(String form, List<FieldError> errors) {
		super(form, describe(errors));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

	/**
	 * The refusal behind an engine exception, if any: the engine wraps a task listener's exception
	 * (e.g. as the cause of a ProcessEngineException, and REST once more as a RestException).
	 */
	public static Optional<SubmissionRejectedException> in(Throwable thrown) {
		for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof SubmissionRejectedException refused) {
				return Optional.of(refused);
			}
		}
		return Optional.empty();
	}

	private static String describe(List<FieldError> errors) {
		return "提交内容有误，请更正后重新提交：" + errors.stream().map(e -> e.messageZh() + "（" + e.field() + "）")
			.collect(Collectors.joining("；")) + " | Invalid submission: "
				+ errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
	}

}
