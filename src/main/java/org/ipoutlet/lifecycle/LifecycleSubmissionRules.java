package org.ipoutlet.lifecycle;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.ipoutlet.lifecycle.LifecycleVariables.*;

import java.util.List;

import org.ipoutlet.TaskKeys;
import org.ipoutlet.validation.SubmissionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server-side rules of every {@code outlet-lifecycle} task form, enforced by the engine for
 * Tasklist, /engine-rest and the application's API alike (see SubmissionValidationPlugin). Yes/no
 * decisions may come as the forms' radio values {@code "true"}/{@code "false"} and are stored as
 * Booleans, which the gateways read.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleSubmissionRules {

	static final int REPORT_MAX = 10000;
	@Bean
	SubmissionRule submitAnnualSummaryForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.SUBMIT_ANNUAL_SUMMARY, List.of(),
				c -> c.text(ANNUAL_SUMMARY, "年度工作总结", true, REPORT_MAX));
	}

	@Bean
	SubmissionRule reviewAnnualSummaryForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.REVIEW_ANNUAL_SUMMARY, List.of(SUMMARY_COMPLIANT), c -> {
			boolean compliant = c.bool(SUMMARY_COMPLIANT, "审核结论", true).orElse(true);
			c.text(REVIEW_OPINION, compliant ? "审核意见" : "审核意见（不符合要求时必填）", !compliant, SubmissionRule.OPINION_MAX);
		});
	}

	@Bean
	SubmissionRule submitRectificationReportForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.SUBMIT_RECTIFICATION_REPORT, List.of(),
				c -> c.text(RECTIFICATION_REPORT, "整改报告", true, REPORT_MAX));
	}

	@Bean
	SubmissionRule verifyRectificationForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.VERIFY_RECTIFICATION, List.of(RECTIFIED), c -> {
			c.bool(RECTIFIED, "核查结论", true);
			c.text(VERIFICATION_OPINION, "核查意见", false, SubmissionRule.OPINION_MAX);
		});
	}

	@Bean
	SubmissionRule applyForRenewalForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.APPLY_FOR_RENEWAL, List.of(DECLARATION_TRUTHFUL), c -> {
			c.integer(STAFF_TOTAL, "总人数", true, 0, 100000);
			c.integer(STAFF_FULL_TIME, "专职人员数量", true, 0, 100000);
			c.text(WORK_FOUNDATION, "工作基础和优势特点", true, 3000);
			c.text(DEVELOPMENT_PLAN, "未来发展思路和支持措施", true, 4500);
			c.mustBeTrue(DECLARATION_TRUTHFUL, "真实性声明", "须声明所填内容真实有效");
		});
	}

	@Bean
	SubmissionRule reviewRenewalForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.REVIEW_RENEWAL, List.of(RENEWAL_RECOMMENDED), c -> {
			c.bool(RENEWAL_RECOMMENDED, "推荐意见", true);
			c.text(RENEWAL_REVIEW_OPINION, "推荐部门意见", false, SubmissionRule.OPINION_MAX);
		});
	}

	@Bean
	SubmissionRule approveRenewalForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.APPROVE_RENEWAL, List.of(RENEWAL_APPROVED), c -> {
			c.bool(RENEWAL_APPROVED, "续期决定", true);
			c.text(RENEWAL_APPROVAL_OPINION, "审核意见", false, SubmissionRule.OPINION_MAX);
		});
	}

	/** {@code changeAccepted} is not cleared: each change report declares its own, empty. */
	@Bean
	SubmissionRule reviewChangeReportForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.REVIEW_CHANGE_REPORT, List.of(), c -> {
			c.bool(CHANGE_ACCEPTED, "审核结论", true);
			c.text(CHANGE_REVIEW_OPINION, "审核意见", false, SubmissionRule.OPINION_MAX);
		});
	}

}
