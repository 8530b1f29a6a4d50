package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.annualreport.AnnualSummaries;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Annual summaries, rectification and revocation after rectification (Art. 17). */
@ProcessTest
class RectificationProcessTest extends LifecycleTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	OutletDecisions decisions;

	@Autowired
	AnnualSummaries summaries;

	@Test
	void Art17_annualSummarySubmittedAndFoundCompliant() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2027, 12, 31).atTime(23, 59), false);
		assertThat(task(outlet, "submitAnnualSummary")).isNull();

		advanceTo(outlet, LocalDate.of(2028, 1, 1).atTime(0, 1), false);
		Task submit = task(outlet, "submitAnnualSummary");
		assertThat(submit.getAssignee()).isEqualTo(outlet.outletUser());
		assertForm(submit, "submit-annual-summary", "annualSummary");
		assertThat(submit.getDueDate().toInstant()).isEqualTo(LocalDate.of(2028, 2, 1).atStartOfDay(SHANGHAI).toInstant());
		assertThat(runtimeService.getVariable(outlet.id(), "summaryYear")).isEqualTo(2027);
		assertThat(runtimeService.getVariable(outlet.id(), "summaryDue")).isEqualTo("2028-01-31");

		advanceTo(outlet, LocalDate.of(2028, 1, 20), false);
		complete(outlet, "submitAnnualSummary", Map.of("annualSummary", "2027年度开展检索、咨询、培训服务共120次。"));
		assertThat(summaries.find(outlet.filingNo(), 2027).orElseThrow().status())
			.isEqualTo(AnnualSummaries.Status.SUBMITTED);
		Task review = task(outlet, "reviewAnnualSummary");
		assertForm(review, "review-annual-summary", "summaryCompliant");
		assertThat(taskService.getIdentityLinksForTask(review.getId()))
			.anyMatch(link -> "recommender-310000".equals(link.getGroupId()));
		complete(outlet, "reviewAnnualSummary", Map.of("summaryCompliant", "true"));

		assertThat(summaries.find(outlet.filingNo(), 2027).orElseThrow().status())
			.isEqualTo(AnnualSummaries.Status.COMPLIANT);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(task(outlet, "submitRectificationReport")).isNull();
		assertThat(runtimeService.getVariable(outlet.id(), "summaryYear")).isEqualTo(2028);

		// The deadline of a summary already submitted does not order rectification.
		advanceTo(outlet, LocalDate.of(2028, 3, 1), false);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
	}

	@Test
	void Art17_nonCompliantSummaryNeedsAnOpinionAndOrdersRectification() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2028, 1, 5), false);
		complete(outlet, "submitAnnualSummary", Map.of("annualSummary", "总结"));
		assertThatThrownBy(() -> complete(outlet, "reviewAnnualSummary", Map.of("summaryCompliant", "false")))
			.hasMessageContaining("reviewOpinion");
		complete(outlet, "reviewAnnualSummary", Map.of("summaryCompliant", "false", "reviewOpinion", "未开展培训服务"));

		assertThat(summaries.find(outlet.filingNo(), 2027).orElseThrow().status())
			.isEqualTo(AnnualSummaries.Status.NON_COMPLIANT);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(register(outlet).statusReason()).contains("未开展培训服务");
		assertThat(runtimeService.getVariable(outlet.id(), "rectificationDeadline")).isEqualTo("2028-07-05");
	}

	@Test
	void Art17_missedDeadlineOrdersRectificationThenVerifiedInTime() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2028, 1, 31).atTime(23, 59), false);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);

		advanceTo(outlet, LocalDate.of(2028, 2, 1).atTime(0, 1), false);
		assertThat(task(outlet, "submitAnnualSummary")).isNull();
		assertThat(summaries.find(outlet.filingNo(), 2027).orElseThrow().status())
			.isEqualTo(AnnualSummaries.Status.MISSING);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(runtimeService.getVariable(outlet.id(), "rectificationDeadline")).isEqualTo("2028-08-01");
		Task report = task(outlet, "submitRectificationReport");
		assertThat(report.getAssignee()).isEqualTo(outlet.outletUser());
		assertForm(report, "submit-rectification-report", "rectificationReport");

		advanceTo(outlet, LocalDate.of(2028, 5, 1), false);
		complete(outlet, "submitRectificationReport", Map.of("rectificationReport", "已补报年度总结并完善制度。"));
		Task verify = task(outlet, "verifyRectification");
		assertForm(verify, "verify-rectification", "rectified");
		assertThat(taskService.getIdentityLinksForTask(verify.getId()))
			.anyMatch(link -> "cnipa-reviewers".equals(link.getGroupId()));
		complete(outlet, "verifyRectification", Map.of("rectified", "true"));

		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		// The rectification's timer is gone: August passes without revocation.
		advanceTo(outlet, LocalDate.of(2028, 9, 1), false);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(ended(outlet)).isFalse();
	}

	/**
	 * Six months without a verified report: the outlet's task closes at the deadline, CNIPA gets a
	 * revocation decision task, and nothing is revoked until CNIPA completes it; the decision's text,
	 * who and when are recorded.
	 */
	@Test
	void Art17_withoutAReportCnipaDecidesTheRevocationNotATimer() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2027, 6, 1), false);
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(runtimeService.getVariable(outlet.id(), "rectificationDeadline")).isEqualTo("2027-12-01");

		// Reminders before the deadline: the outlet's task is due at the end of the period, with a follow-up a month before.
		Task report = task(outlet, "submitRectificationReport");
		assertThat(report.getDueDate().toInstant()).isEqualTo(LocalDate.of(2027, 12, 2).atStartOfDay(SHANGHAI).toInstant());
		assertThat(report.getFollowUpDate().toInstant())
			.isEqualTo(LocalDate.of(2027, 11, 1).atStartOfDay(SHANGHAI).toInstant());
		complete(outlet, "submitRectificationReport", Map.of("rectificationReport", "正在整改"));
		Task verify = task(outlet, "verifyRectification");
		assertThat(verify.getDueDate().toInstant()).isEqualTo(LocalDate.of(2027, 12, 2).atStartOfDay(SHANGHAI).toInstant());
		assertThat(verify.getFollowUpDate()).isNotNull();
		complete(outlet, "verifyRectification", Map.of("rectified", "false", "verificationOpinion", "尚未整改到位"));
		assertThat(task(outlet, "submitRectificationReport")).isNotNull();

		advanceTo(outlet, LocalDate.of(2027, 12, 1).atTime(23, 59), false);
		assertThat(task(outlet, "decideRevocation")).isNull();
		advanceTo(outlet, LocalDate.of(2027, 12, 2).atTime(0, 1), false);
		assertThat(task(outlet, "submitRectificationReport")).isNull();
		Task decide = task(outlet, "decideRevocation");
		assertForm(decide, "decide-revocation", "revocationDecision");
		assertThat(taskService.getIdentityLinksForTask(decide.getId()))
			.anyMatch(link -> "cnipa-reviewers".equals(link.getGroupId()));

		// Months pass: no timer revokes.
		advanceTo(outlet, LocalDate.of(2028, 3, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(ended(outlet)).isFalse();

		assertThatThrownBy(() -> complete(outlet, "decideRevocation", Map.of("revoke", "true")))
			.hasMessageContaining("revocationDecision");
		setNow(LocalDate.of(2028, 3, 2).atTime(15, 30));
		processEngine.getIdentityService().setAuthentication("cnipa", java.util.List.of("cnipa-reviewers"));
		try {
			complete(outlet, "decideRevocation", Map.of("revoke", "true", "revocationDecision", "整改期满仍不符合要求，撤销备案"));
		}
		finally {
			processEngine.getIdentityService().clearAuthentication();
		}
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.REVOKED);
		assertThat(ended(outlet)).isTrue();
		assertThat(historyOutcome(outlet)).isEqualTo("REVOKED");
		assertThat(decisions.of(outlet.filingNo())).singleElement().satisfies(d -> {
			assertThat(d.kind()).isEqualTo(OutletDecisions.Kind.REVOKED);
			assertThat(d.decision()).isEqualTo("整改期满仍不符合要求，撤销备案");
			assertThat(d.decidedBy()).isEqualTo("cnipa");
			assertThat(d.decidedAt()).isEqualTo(LocalDate.of(2028, 3, 2).atTime(15, 30).atZone(SHANGHAI).toInstant());
		});
	}

	/** A verification still open at the deadline is decided first; a positive one ends the rectification. */
	@Test
	void Art17_anOpenVerificationAtTheDeadlineIsDecidedFirst() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2027, 6, 1), false);
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		advanceTo(outlet, LocalDate.of(2027, 11, 20), false);
		complete(outlet, "submitRectificationReport", Map.of("rectificationReport", "已整改"));

		advanceTo(outlet, LocalDate.of(2027, 12, 10), false);
		assertThat(task(outlet, "verifyRectification")).isNotNull();
		assertThat(task(outlet, "decideRevocation")).isNull();
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);

		complete(outlet, "verifyRectification", Map.of("rectified", "true"));
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(task(outlet, "decideRevocation")).isNull();
		assertThat(ended(outlet)).isFalse();
	}

	/** Verified as not rectified after the deadline: no new report round, CNIPA decides — here, not to revoke. */
	@Test
	void Art17_aNegativeVerificationAfterTheDeadlineGoesToCnipasDecision() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2027, 6, 1), false);
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		advanceTo(outlet, LocalDate.of(2027, 11, 20), false);
		complete(outlet, "submitRectificationReport", Map.of("rectificationReport", "已整改"));
		advanceTo(outlet, LocalDate.of(2027, 12, 10), false);
		complete(outlet, "verifyRectification", Map.of("rectified", "false", "verificationOpinion", "场所仍不符合"));

		assertThat(task(outlet, "submitRectificationReport")).isNull();
		assertThat(task(outlet, "decideRevocation")).isNotNull();
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		complete(outlet, "decideRevocation", Map.of("revoke", "false", "revocationDecision", "经复核已基本符合要求，不予撤销"));
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(ended(outlet)).isFalse();
		assertThat(decisions.of(outlet.filingNo())).extracting(OutletDecisions.Decision::kind)
			.containsExactly(OutletDecisions.Kind.NOT_REVOKED);
	}

	@Test
	void Art17_rectificationOrderNeedsAReasonAndAnActiveOutlet() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		assertThatThrownBy(() -> messages.orderRectification(outlet.filingNo(), " "))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("rectificationReason");
		assertThatThrownBy(() -> messages.orderRectification("NO-SUCH-FILING", "原因"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("filingNo");
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
	}

	String historyOutcome(Filed outlet) {
		return (String) processEngine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(outlet.id())
			.variableName("lifecycleOutcome")
			.singleResult()
			.getValue();
	}

}
