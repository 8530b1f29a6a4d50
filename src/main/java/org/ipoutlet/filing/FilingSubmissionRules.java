package org.ipoutlet.filing;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.List;

import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.SubmissionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server-side rules of every form of {@code outlet-filing}. */
@Configuration(proxyBeanMethods = false)
class FilingSubmissionRules {

	@Bean
	SubmissionRule filingStartForm(Recommenders recommenders) {
		return new FilingApplicationRule(SubmissionRule.START, recommenders);
	}

	@Bean
	SubmissionRule supplementMaterialsForm(Recommenders recommenders) {
		return new FilingApplicationRule("supplementMaterials", recommenders);
	}

	@Bean
	SubmissionRule preliminaryReviewForm() {
		return SubmissionRule.decision(OUTLET_FILING, "preliminaryReview", List.of(RECOMMENDATION, RECOMMENDER_OPINION), c -> {
			c.oneOf(RECOMMENDATION, "推荐意见", true, List.of("RECOMMEND", "RETURN", "NOT_RECOMMEND"));
			c.text(RECOMMENDER_OPINION, "推荐部门意见", true, SubmissionRule.OPINION_MAX);
		});
	}

	@Bean
	SubmissionRule cnipaReviewForm() {
		return SubmissionRule.decision(OUTLET_FILING, "cnipaReview",
				List.of(FILING_DECISION, CNIPA_OPINION, FALSE_MATERIALS), c -> {
					var decision = c.oneOf(FILING_DECISION, "备案决定", true, List.of("APPROVE", "REJECT"));
					c.text(CNIPA_OPINION, "备案部门意见", true, SubmissionRule.OPINION_MAX);
					falseMaterialsOnlyWithRefusal(c, decision.map("REJECT"::equals).orElse(true));
				});
	}

	@Bean
	SubmissionRule handleObjectionForm() {
		return SubmissionRule.decision(OUTLET_FILING, "handleObjection",
				List.of(OBJECTION_UPHELD, OBJECTION_FINDING, FALSE_MATERIALS), c -> {
					var upheld = c.bool(OBJECTION_UPHELD, "异议是否成立", true);
					c.text(OBJECTION_FINDING, "核查结论", true, SubmissionRule.OPINION_MAX);
					falseMaterialsOnlyWithRefusal(c, upheld.orElse(true));
				});
	}

	/** Art. 18: false materials may be found only where the application is refused. */
	private static void falseMaterialsOnlyWithRefusal(Checks c, boolean refused) {
		if (c.bool(FALSE_MATERIALS, "提供虚假材料", false).orElse(false) && !refused) {
			c.reject(FALSE_MATERIALS, "提供虚假材料", "onlyWithRefusal",
					"may only be set when the application is refused", "仅在不予备案（异议成立）时可认定");
		}
	}

}
