package org.ipoutlet.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.ipoutlet.validation.SubmissionRule;
import org.junit.jupiter.api.Test;

/**
 * README, "One definition of the 备案表": the reviewers' decisions on a filing (Art. 7, 18) are checked
 * with their own forms' fields, labels, options and limits; the fields a task clears when it opens are
 * the fields its form submits. Plain JUnit.
 */
class DecisionRulesFollowTheirFormsTest {

	private final FilingSubmissionRules rules = new FilingSubmissionRules();

	@Test
	void everyDecisionChecksItsFormsLimitsAndClearsItsFormsFields() {
		Map<SubmissionRule, FormDefinition> decisions = Map.of(rules.preliminaryReviewForm(),
				FilingSubmissionRules.PRELIMINARY_REVIEW_FORM, rules.cnipaReviewForm(), FilingSubmissionRules.CNIPA_REVIEW_FORM,
				rules.handleObjectionForm(), FilingSubmissionRules.HANDLE_OBJECTION_FORM, rules.confirmFalseMaterialsForm(),
				FilingSubmissionRules.CONFIRM_FALSE_MATERIALS_FORM);
		List<String> disagreements = new ArrayList<>();
		decisions.forEach((rule, form) -> {
			assertThat(rule.decisionFields()).as(rule.step()).containsExactlyInAnyOrderElementsOf(form.keys()).isNotEmpty();
			List<FormField> texts = form.fields().stream().filter(FormField::text).toList();
			assertThat(texts).as(rule.step() + " texts").isNotEmpty();
			for (FormField text : texts) {
				int max = text.maxLength();
				if (errors(rule, text.key(), "意".repeat(max)).stream().anyMatch(e -> e.field().equals(text.key()))) {
					disagreements.add(rule.step() + "." + text.key() + ": refuses " + max);
				}
				if (errors(rule, text.key(), "意".repeat(max + 1)).stream().noneMatch(e -> e.field().equals(text.key())
						&& e.rule().equals("maxLength") && e.messageZh().equals(text.label() + "：不得超过" + max + "个字符（现有" + (max + 1) + "个）"))) {
					disagreements.add(rule.step() + "." + text.key() + ": does not refuse " + (max + 1) + " with the form's label");
				}
			}
			// Every required field of the form is required by the rule, named by the form's label.
			List<FieldError> empty = errors(rule, "none", null);
			for (FormField field : form.fields()) {
				if (field.required() && empty.stream().noneMatch(e -> e.field().equals(field.key())
						&& e.rule().equals("required") && e.messageZh().startsWith(field.label() + "："))) {
					disagreements.add(rule.step() + "." + field.key() + ": not required as in the form");
				}
			}
		});
		assertThat(disagreements).isEmpty();
	}

	@Test
	void aDecisionOutsideTheFormsOptionsIsRefused() {
		List<FieldError> refused = errors(rules.preliminaryReviewForm(), "recommendation", "APPROVE");
		assertThat(refused).extracting(FieldError::field, FieldError::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("recommendation", "enum"));
		assertThat(FilingSubmissionRules.PRELIMINARY_REVIEW_FORM.field("recommendation").optionValues())
			.containsExactly("RECOMMEND", "RETURN", "NOT_RECOMMEND");
		assertThat(errors(rules.handleObjectionForm(), "objectionUpheld", "maybe")).extracting(FieldError::field, FieldError::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("objectionUpheld", "type"));
		assertThat(errors(rules.handleObjectionForm(), "objectionUpheld", true)).extracting(FieldError::field)
			.doesNotContain("objectionUpheld");
	}

	private static List<FieldError> errors(SubmissionRule rule, String field, Object value) {
		Map<String, Object> values = new HashMap<>();
		values.put(field, value);
		Checks checks = new Checks(values);
		rule.check(checks);
		return checks.errors();
	}

}
