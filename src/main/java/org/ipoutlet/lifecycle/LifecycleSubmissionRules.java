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
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.APPLY_FOR_RENEWAL, List.of(DECLARATION_TRUTHFUL),
				LifecycleSubmissionRules::renewalApplication);
	}

	/** Art. 9: a renewal returned for correction is corrected with the same form and the same rules. */
	@Bean
	SubmissionRule correctRenewalForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.CORRECT_RENEWAL, List.of(DECLARATION_TRUTHFUL),
				LifecycleSubmissionRules::renewalApplication);
	}

	/** The apply-for-renewal form: the updated data that Art. 5 and Art. 12 are checked on again. */
	private static void renewalApplication(org.ipoutlet.validation.Checks c) {
		{
			c.bool(INDEPENDENT_LEGAL_ENTITY, "是否独立法人单位", true);
			c.integer(STAFF_TOTAL, "总人数", true, 0, 100000);
			c.integer(STAFF_FULL_TIME, "专职人员数量", true, 0, 100000);
			c.text(WORK_FOUNDATION, "工作基础和优势特点", true, 3000);
			c.text(DEVELOPMENT_PLAN, "未来发展思路和支持措施", true, 4500);
			c.mustBeTrue(DECLARATION_TRUTHFUL, "真实性声明", "须声明所填内容真实有效");
		}
	}

	@Bean
	SubmissionRule reviewRenewalForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.REVIEW_RENEWAL, List.of(RENEWAL_RECOMMENDED), c -> {
			boolean recommended = c.bool(RENEWAL_RECOMMENDED, "推荐意见", true).orElse(true);
			c.text(RENEWAL_REVIEW_OPINION, recommended ? "推荐部门意见" : "推荐部门意见（退回补正时必填）", !recommended,
					SubmissionRule.OPINION_MAX);
		});
	}

	@Bean
	SubmissionRule approveRenewalForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.APPROVE_RENEWAL, List.of(RENEWAL_APPROVED, RENEWAL_RETURNED), c -> {
			boolean approved = c.bool(RENEWAL_APPROVED, "续期决定", true).orElse(true);
			// Not approved: returned for correction or refused finally (Art. 9), with the reason.
			c.bool(RENEWAL_RETURNED, "不予批准的处理", !approved);
			c.text(RENEWAL_APPROVAL_OPINION, approved ? "审批意见" : "审批意见（不予批准时必填）", !approved,
					SubmissionRule.OPINION_MAX);
		});
	}

	/**
	 * Art. 10: the recommender forwards the change report to CNIPA ({@code changeAccepted} = true) or
	 * returns it for correction of errors (false, with the errors named); it does not refuse it.
	 * {@code changeAccepted} is not cleared: each change report declares its own, empty.
	 */
	@Bean
	SubmissionRule reviewChangeReportForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.REVIEW_CHANGE_REPORT, List.of(), c -> {
			boolean forwarded = c.bool(CHANGE_ACCEPTED, "审核结论", true).orElse(true);
			c.text(CHANGE_REVIEW_OPINION, forwarded ? "审核意见" : "审核意见（退回修改时须写明需更正之处）", !forwarded,
					SubmissionRule.OPINION_MAX);
		});
	}

	/** Art. 10: CNIPA records (备案) the forwarded change report; the register changes from that day. */
	@Bean
	SubmissionRule recordChangeReportForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.RECORD_CHANGE_REPORT, List.of(), c -> {
			c.mustBeTrue(CHANGE_RECORDED, "备案确认", "须确认予以备案");
			c.text(CHANGE_RECORD_OPINION, "备案意见", false, SubmissionRule.OPINION_MAX);
		});
	}

	/** Art. 17: CNIPA's decision at the end of an unverified rectification, with its text (required). */
	@Bean
	SubmissionRule decideRevocationForm() {
		return SubmissionRule.decision(OUTLET_LIFECYCLE, TaskKeys.DECIDE_REVOCATION, List.of(REVOKE), c -> {
			c.bool(REVOKE, "撤销决定", true);
			c.text(REVOCATION_DECISION, "决定理由", true, SubmissionRule.OPINION_MAX);
		});
	}

}
