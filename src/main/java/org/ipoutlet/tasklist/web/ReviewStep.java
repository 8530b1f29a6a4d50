package org.ipoutlet.tasklist.web;

import static org.ipoutlet.filing.FilingVariables.CNIPA_OPINION;
import static org.ipoutlet.filing.FilingVariables.FILING_DECISION;
import static org.ipoutlet.filing.FilingVariables.OBJECTION_FINDING;
import static org.ipoutlet.filing.FilingVariables.OBJECTION_UPHELD;
import static org.ipoutlet.filing.FilingVariables.RECOMMENDATION;
import static org.ipoutlet.filing.FilingVariables.RECOMMENDER_OPINION;
import static org.ipoutlet.lifecycle.LifecycleVariables.CHANGE_ACCEPTED;
import static org.ipoutlet.lifecycle.LifecycleVariables.CHANGE_REVIEW_OPINION;
import static org.ipoutlet.lifecycle.LifecycleVariables.RECTIFIED;
import static org.ipoutlet.lifecycle.LifecycleVariables.RENEWAL_APPROVAL_OPINION;
import static org.ipoutlet.lifecycle.LifecycleVariables.RENEWAL_APPROVED;
import static org.ipoutlet.lifecycle.LifecycleVariables.RENEWAL_RECOMMENDED;
import static org.ipoutlet.lifecycle.LifecycleVariables.RENEWAL_REVIEW_OPINION;
import static org.ipoutlet.lifecycle.LifecycleVariables.REVIEW_OPINION;
import static org.ipoutlet.lifecycle.LifecycleVariables.SUMMARY_COMPLIANT;
import static org.ipoutlet.lifecycle.LifecycleVariables.VERIFICATION_OPINION;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ipoutlet.TaskKeys;

/**
 * The reviewing steps of the three processes: the decision and opinion each records (its Camunda
 * Form's fields) and the decision's values in words, as the form offers them (ReviewStepTest compares
 * them with the deployed forms). Art. 7 (recommendation, CNIPA's review, objections), Art. 9 (renewal),
 * Art. 10 (change reports), Art. 17 (annual summaries, rectification).
 */
enum ReviewStep {

	PRELIMINARY_REVIEW(TaskKeys.PRELIMINARY_REVIEW, RECOMMENDATION, RECOMMENDER_OPINION,
			"RECOMMEND", "推荐", "RETURN", "退回补正", "NOT_RECOMMEND", "不予推荐"),
	CNIPA_REVIEW(TaskKeys.CNIPA_REVIEW, FILING_DECISION, CNIPA_OPINION, "APPROVE", "准予备案", "REJECT", "不予备案"),
	HANDLE_OBJECTION(TaskKeys.HANDLE_OBJECTION, OBJECTION_UPHELD, OBJECTION_FINDING,
			"true", "成立（不予备案）", "false", "不成立（继续公示）"),
	REVIEW_ANNUAL_SUMMARY(TaskKeys.REVIEW_ANNUAL_SUMMARY, SUMMARY_COMPLIANT, REVIEW_OPINION,
			"true", "符合要求", "false", "不符合要求，责令整改"),
	VERIFY_RECTIFICATION(TaskKeys.VERIFY_RECTIFICATION, RECTIFIED, VERIFICATION_OPINION, "true", "整改到位", "false", "整改未到位"),
	REVIEW_RENEWAL(TaskKeys.REVIEW_RENEWAL, RENEWAL_RECOMMENDED, RENEWAL_REVIEW_OPINION,
			"true", "推荐续期", "false", "退回网点补正"),
	APPROVE_RENEWAL(TaskKeys.APPROVE_RENEWAL, RENEWAL_APPROVED, RENEWAL_APPROVAL_OPINION,
			"true", "批准续期三年", "false", "不予批准"),
	REVIEW_CHANGE_REPORT(TaskKeys.REVIEW_CHANGE_REPORT, CHANGE_ACCEPTED, CHANGE_REVIEW_OPINION,
			"true", "转报国家知识产权局", "false", "退回网点修改");

	private final String taskKey;
	private final String decisionVariable;
	private final String opinionVariable;
	private final Map<String, String> labels = new LinkedHashMap<>();

	ReviewStep(String taskKey, String decisionVariable, String opinionVariable, String... valuesAndLabels) {
		this.taskKey = taskKey;
		this.decisionVariable = decisionVariable;
		this.opinionVariable = opinionVariable;
		for (int i = 0; i < valuesAndLabels.length; i += 2) {
			labels.put(valuesAndLabels[i], valuesAndLabels[i + 1]);
		}
	}

	static Optional<ReviewStep> of(String taskKey) {
		return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst();
	}

	String taskKey() {
		return taskKey;
	}

	String decisionVariable() {
		return decisionVariable;
	}

	String opinionVariable() {
		return opinionVariable;
	}

	/** The decision's values with their words, in the form's order. */
	Map<String, String> labels() {
		return Map.copyOf(labels);
	}

	/** The decision in words; an unknown value is shown as itself rather than hidden. */
	String label(Object value) {
		if (value == null) {
			return null;
		}
		String code = value.toString();
		return labels.getOrDefault(code, code);
	}

}
