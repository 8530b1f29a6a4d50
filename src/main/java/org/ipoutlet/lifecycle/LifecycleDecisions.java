package org.ipoutlet.lifecycle;

import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every {@code outlet-lifecycle} user task: checks the decision the form (or a
 * REST client) submitted and turns the forms' radio values {@code "true"}/{@code "false"} into
 * Booleans, which the gateways read. A missing or invalid decision refuses the completion: the task
 * stays open and nothing changes. On create it clears the task's earlier decision.
 */
@Component("lifecycleDecisions")
public class LifecycleDecisions implements TaskListener {

	/**
	 * The decision each task takes: cleared when the task is created, so no earlier round's answer
	 * counts. ({@code changeAccepted} is not listed: each change report declares its own, empty.)
	 */
	private static final Map<String, String> DECISIONS = Map.of(TASK_REVIEW_ANNUAL_SUMMARY, SUMMARY_COMPLIANT,
			TASK_VERIFY_RECTIFICATION, RECTIFIED, TASK_REVIEW_RENEWAL, RENEWAL_RECOMMENDED, TASK_APPROVE_RENEWAL,
			RENEWAL_APPROVED, TASK_APPLY_FOR_RENEWAL, DECLARATION_TRUTHFUL);

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			String decision = DECISIONS.get(task.getTaskDefinitionKey());
			if (decision != null) {
				task.removeVariable(decision);
			}
			return;
		}
		List<FieldError> errors = new ArrayList<>();
		switch (task.getTaskDefinitionKey()) {
			case TASK_SUBMIT_ANNUAL_SUMMARY -> requireText(task, ANNUAL_SUMMARY, "年度工作总结", errors);
			case TASK_REVIEW_ANNUAL_SUMMARY -> {
				Boolean compliant = decision(task, SUMMARY_COMPLIANT, "审核结论", errors);
				if (Boolean.FALSE.equals(compliant)) {
					requireText(task, REVIEW_OPINION, "审核意见（不符合要求时必填）", errors);
				}
			}
			case TASK_SUBMIT_RECTIFICATION_REPORT -> requireText(task, RECTIFICATION_REPORT, "整改报告", errors);
			case TASK_VERIFY_RECTIFICATION -> decision(task, RECTIFIED, "核查结论", errors);
			case TASK_APPLY_FOR_RENEWAL -> {
				if (Boolean.FALSE.equals(decision(task, DECLARATION_TRUTHFUL, "真实性声明", errors))) {
					errors.add(new FieldError(DECLARATION_TRUTHFUL, "mustBeTrue",
							"declarationTruthful must be true", "须声明所填内容真实有效"));
				}
			}
			case TASK_REVIEW_RENEWAL -> decision(task, RENEWAL_RECOMMENDED, "推荐意见", errors);
			case TASK_APPROVE_RENEWAL -> decision(task, RENEWAL_APPROVED, "续期决定", errors);
			case TASK_REVIEW_CHANGE_REPORT -> decision(task, CHANGE_ACCEPTED, "审核结论", errors);
			default -> {
			}
		}
		if (!errors.isEmpty()) {
			throw new SubmissionRejectedException(task.getTaskDefinitionKey(), errors);
		}
	}

	/** Reads a yes/no decision (Boolean, or the form's "true"/"false") and stores it as a Boolean. */
	static Boolean decision(DelegateTask task, String name, String labelZh, List<FieldError> errors) {
		Object value = task.getVariable(name);
		Boolean decided = value instanceof Boolean b ? b
				: "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
		if (decided == null) {
			errors.add(new FieldError(name, "required", name + " must be true or false, got " + value,
					"请选择" + labelZh));
			return null;
		}
		task.setVariable(name, decided);
		return decided;
	}

	static void requireText(DelegateTask task, String name, String labelZh, List<FieldError> errors) {
		if (!(task.getVariable(name) instanceof String s) || s.isBlank()) {
			errors.add(new FieldError(name, "required", name + " is required", "请填写" + labelZh));
		}
	}

}
