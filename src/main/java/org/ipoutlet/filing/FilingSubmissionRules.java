package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;

import org.ipoutlet.TaskKeys;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.SubmissionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side rules of every form of {@code outlet-filing}. */
@Configuration(proxyBeanMethods = false)
class FilingSubmissionRules {

	static final int OPINION_MAX = SubmissionRule.OPINION_MAX;

	/** 负责人 of sections 七 and 八 (填表说明 三): named, as the 备案表's signature line asks. */
	static final int HEAD_MAX = 50;

	@Bean
	SubmissionRule filingStartForm(Recommenders recommenders) {
		return new FilingApplicationRule(SubmissionRule.START, recommenders);
	}

	@Bean
	SubmissionRule supplementMaterialsForm(Recommenders recommenders) {
		return new FilingApplicationRule(TaskKeys.SUPPLEMENT_MATERIALS, recommenders);
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
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.PRELIMINARY_REVIEW, List.of(RECOMMENDATION, RECOMMENDER_OPINION, RECOMMENDER_HEAD, FALSE_MATERIALS), c -> {
			var recommendation = c.oneOf(RECOMMENDATION, "推荐意见", true, List.of("RECOMMEND", "RETURN", "NOT_RECOMMEND"));
			c.text(RECOMMENDER_OPINION, "推荐部门意见", true, OPINION_MAX);
			c.text(RECOMMENDER_HEAD, "负责人", true, HEAD_MAX);
			// Art. 18: the recommender's finding, with its refusal; CNIPA confirms it before anyone is banned.
			falseMaterialsOnlyWithRefusal(c, recommendation.map("NOT_RECOMMEND"::equals).orElse(true), "仅在不予推荐时可认定");
		});
	}

	@Bean
	SubmissionRule cnipaReviewForm() {
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.CNIPA_REVIEW,
				List.of(FILING_DECISION, CNIPA_OPINION, CNIPA_HEAD, FALSE_MATERIALS), c -> {
					var decision = c.oneOf(FILING_DECISION, "备案决定", true, List.of("APPROVE", "REJECT"));
					c.text(CNIPA_OPINION, "备案部门意见", true, OPINION_MAX);
					c.text(CNIPA_HEAD, "负责人", true, HEAD_MAX);
					falseMaterialsOnlyWithRefusal(c, decision.map("REJECT"::equals).orElse(true), REFUSAL_ONLY);
				});
	}

	@Bean
	SubmissionRule handleObjectionForm() {
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.HANDLE_OBJECTION,
				List.of(OBJECTION_UPHELD, OBJECTION_FINDING, CNIPA_HEAD, FALSE_MATERIALS), c -> {
					var upheld = c.bool(OBJECTION_UPHELD, "异议是否成立", true);
					c.text(OBJECTION_FINDING, "核查结论", true, OPINION_MAX);
					c.text(CNIPA_HEAD, "负责人", true, HEAD_MAX);
					falseMaterialsOnlyWithRefusal(c, upheld.orElse(true), REFUSAL_ONLY);
				});
	}

	@Bean
	SubmissionRule confirmFalseMaterialsForm() {
		return SubmissionRule.decision(OUTLET_FILING, TaskKeys.CONFIRM_FALSE_MATERIALS,
				List.of(FALSE_MATERIALS_CONFIRMED, FALSE_MATERIALS_DECISION, CNIPA_HEAD), c -> {
					c.bool(FALSE_MATERIALS_CONFIRMED, "是否确认提供虚假材料", true);
					c.text(FALSE_MATERIALS_DECISION, "认定意见", true, OPINION_MAX);
					c.text(CNIPA_HEAD, "负责人", true, HEAD_MAX);
				});
	}

	private static final String REFUSAL_ONLY = "仅在不予备案（异议成立）时可认定";

	/** Art. 18: false materials may be found only where the application is refused. */
	private static void falseMaterialsOnlyWithRefusal(Checks c, boolean refused, String messageZh) {
		if (c.bool(FALSE_MATERIALS, "提供虚假材料", false).orElse(false) && !refused) {
			c.reject(FALSE_MATERIALS, "提供虚假材料", "onlyWithRefusal",
					"may only be set when the application is refused", messageZh);
		}
	}

}
