package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;

import org.ipoutlet.TaskKeys;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.FilingFormDefinition;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.ipoutlet.validation.SubmissionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server-side rules of every form of {@code outlet-filing}. Each decision's fields, labels, options
 * and limits are its form's (README, "One definition of the 备案表"): a rule adds only what a form
 * cannot say (Art. 18: false materials only with a refusal). The decision fields cleared when a task
 * opens are the fields its form submits.
 */
@Configuration(proxyBeanMethods = false)
class FilingSubmissionRules {

	static final FormDefinition PRELIMINARY_REVIEW_FORM = FormDefinition.classpath("forms/preliminary-review.form");
	static final FormDefinition CNIPA_REVIEW_FORM = FormDefinition.classpath("forms/cnipa-review.form");
	static final FormDefinition HANDLE_OBJECTION_FORM = FormDefinition.classpath("forms/handle-objection.form");
	static final FormDefinition CONFIRM_FALSE_MATERIALS_FORM = FormDefinition.classpath("forms/confirm-false-materials.form");

	@Bean
	SubmissionRule filingStartForm(Recommenders recommenders) {
		return new FilingApplicationRule(SubmissionRule.START, recommenders);
	}

	@Bean
	SubmissionRule supplementMaterialsForm(Recommenders recommenders) {
		return new FilingApplicationRule(TaskKeys.SUPPLEMENT_MATERIALS, recommenders,
				FormDefinition.classpath(FilingFormDefinition.SUPPLEMENT_FORM));
	}

	/**
	 * Art. 6: the applicant's step before the recommender. The form has no fields; documents may come
	 * with the completion as File variables (/engine-rest), checked as on every route. That both are
	 * there is checked against the documents store when the task completes (README, "Without both
	 * documents there is no recommendation").
	 */
	@Bean
	SubmissionRule attachDocumentsForm() {
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.ATTACH_DOCUMENTS, List.of(),
				FilingApplicationRule::checkAttachments);
	}

	@Bean
	SubmissionRule preliminaryReviewForm() {
		FormDefinition form = PRELIMINARY_REVIEW_FORM;
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.PRELIMINARY_REVIEW, form.keys(), c -> {
			var recommendation = form.field(RECOMMENDATION).oneOf(c);
			form.field(RECOMMENDER_OPINION).text(c);
			form.field(RECOMMENDER_HEAD).text(c);
			// Art. 18: the recommender's finding, with its refusal; CNIPA confirms it before anyone is banned.
			falseMaterialsOnlyWithRefusal(c, form, recommendation.map("NOT_RECOMMEND"::equals).orElse(true), "仅在不予推荐时可认定");
		});
	}

	@Bean
	SubmissionRule cnipaReviewForm() {
		FormDefinition form = CNIPA_REVIEW_FORM;
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.CNIPA_REVIEW, form.keys(), c -> {
			var decision = form.field(FILING_DECISION).oneOf(c);
			form.field(CNIPA_OPINION).text(c);
			form.field(CNIPA_HEAD).text(c);
			falseMaterialsOnlyWithRefusal(c, form, decision.map("REJECT"::equals).orElse(true), REFUSAL_ONLY);
		});
	}

	@Bean
	SubmissionRule handleObjectionForm() {
		FormDefinition form = HANDLE_OBJECTION_FORM;
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.HANDLE_OBJECTION, form.keys(), c -> {
			var upheld = form.field(OBJECTION_UPHELD).bool(c);
			form.field(OBJECTION_FINDING).text(c);
			form.field(CNIPA_HEAD).text(c);
			falseMaterialsOnlyWithRefusal(c, form, upheld.orElse(true), REFUSAL_ONLY);
		});
	}

	@Bean
	SubmissionRule confirmFalseMaterialsForm() {
		FormDefinition form = CONFIRM_FALSE_MATERIALS_FORM;
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.CONFIRM_FALSE_MATERIALS, form.keys(), c -> {
			form.field(FALSE_MATERIALS_CONFIRMED).bool(c);
			form.field(FALSE_MATERIALS_DECISION).text(c);
			form.field(CNIPA_HEAD).text(c);
		});
	}

	private static final String REFUSAL_ONLY = "仅在不予备案（异议成立）时可认定";

	/** Art. 18: false materials may be found only where the application is refused. */
	private static void falseMaterialsOnlyWithRefusal(Checks c, FormDefinition form, boolean refused, String messageZh) {
		FormField finding = form.field(FALSE_MATERIALS);
		if (finding.optionalBool(c).orElse(false) && !refused) {
			c.reject(FALSE_MATERIALS, finding.label(), "onlyWithRefusal",
					"may only be set when the application is refused", messageZh);
		}
	}

}
