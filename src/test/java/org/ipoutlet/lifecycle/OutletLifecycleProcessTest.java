package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Validity, renewal and expiry of a filing (Art. 9). */
@ProcessTest
class OutletLifecycleProcessTest extends LifecycleTestSupport {

	@Autowired
	HistoryService historyService;

	@Test
	void Art9_filingExpiresWithoutRenewal() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2030, 3, 9));

		// The renewal window opens 90 days before the first expired day, for the outlet user.
		advanceTo(outlet, LocalDate.of(2029, 12, 9), true);
		assertThat(task(outlet, "applyForRenewal")).isNull();
		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		Task apply = task(outlet, "applyForRenewal");
		assertThat(apply).isNotNull();
		assertThat(apply.getAssignee()).isEqualTo(outlet.outletUser());
		assertForm(apply, "apply-for-renewal", "declarationTruthful");

		// Last valid day: still filed. The next day: expired, and the instance has ended.
		advanceTo(outlet, LocalDate.of(2030, 3, 9).atTime(23, 59), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(ended(outlet)).isFalse();
		advanceTo(outlet, LocalDate.of(2030, 3, 10).atTime(0, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(ended(outlet)).isTrue();
		assertThatThrownBy(() -> messages.orderRectification(outlet.filingNo(), "检查"))
			.isInstanceOf(NoAwaitingInstanceException.class)
			.hasMessageContaining(outlet.filingNo());
	}

	/**
	 * Like outlet-filing, the lifecycle computes its deadlines into variables an auditor sees, the timers read
	 * them, and the end event records the outcome.
	 */
	@Test
	void Art9_Art17_theTimersReadTheDatesTheProcessComputedAndTheEndEventRecordsTheOutcome() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		Map<String, Object> vars = runtimeService.getVariables(outlet.id());
		assertThat(vars).containsEntry("expiresAt", "2030-03-10T00:00:00+08:00")
			.containsEntry("renewalWindowOpens", "2029-12-10")
			.containsEntry("renewalWindowOpensAt", "2029-12-10T00:00:00+08:00")
			.containsEntry("summaryYear", 2027)
			.containsEntry("summaryDue", "2028-01-31")
			.containsEntry("summaryOpensAt", "2028-01-01T00:00:00+08:00")
			.containsEntry("summaryDeadlineAt", "2028-02-01T00:00:00+08:00");
		List<Instant> timers = managementService.createJobQuery().processInstanceId(outlet.id()).timers().list()
			.stream().map(job -> job.getDuedate().toInstant()).toList();
		assertThat(timers).contains(OffsetDateTime.parse("2030-03-10T00:00:00+08:00").toInstant(),
				OffsetDateTime.parse("2029-12-10T00:00:00+08:00").toInstant(),
				OffsetDateTime.parse("2028-01-01T00:00:00+08:00").toInstant());

		advanceTo(outlet, LocalDate.of(2030, 3, 10).atTime(0, 1), true);
		assertThat(ended(outlet)).isTrue();
		assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(outlet.id())
			.variableName("lifecycleOutcome").singleResult().getValue()).isEqualTo("EXPIRED");
	}

	@Test
	void Art9_twoRenewalsInARowGiveNineYears() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");

		renew(outlet, LocalDate.of(2029, 12, 10));
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2033, 3, 9));
		assertThat(runtimeService.getVariable(outlet.id(), "validUntil")).isEqualTo("2033-03-09");

		// The first period's end passes without expiry.
		advanceTo(outlet, LocalDate.of(2030, 3, 11), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);

		renew(outlet, LocalDate.of(2032, 12, 10));
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2036, 3, 9));
		assertThat(runtimeService.getVariable(outlet.id(), "renewalCount")).isEqualTo(2);

		advanceTo(outlet, LocalDate.of(2036, 3, 9), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		advanceTo(outlet, LocalDate.of(2036, 3, 10), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(register(outlet).validFrom().plusYears(9).minusDays(1)).isEqualTo(register(outlet).validUntil());
		assertThat(ended(outlet)).isTrue();
	}

	@Test
	void Art9_renewalNotRecommendedGoesBackToTheOutlet() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		Task review = task(outlet, "reviewRenewal");
		assertForm(review, "review-renewal", "renewalRecommended");
		assertThat(taskService.getIdentityLinksForTask(review.getId()))
			.anyMatch(link -> "recommender-310000".equals(link.getGroupId()));
		assertThatThrownBy(() -> complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "false")))
			.hasMessageContaining("renewalReviewOpinion");
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "false", "renewalReviewOpinion", "请补充服务数据"));
		Task correct = task(outlet, "correctRenewal");
		assertThat(correct.getAssignee()).isEqualTo(outlet.outletUser());
		assertForm(correct, "apply-for-renewal", "declarationTruthful");
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2030, 3, 9));
		assertThat(register(outlet).statusLabel()).isEqualTo("续期审核中");
		complete(outlet, "correctRenewal", renewalApplication("true"));
		assertThat(task(outlet, "reviewRenewal")).isNotNull();
	}

	@Test
	void Art9_renewalDecisionIsRequired() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		assertThatThrownBy(() -> complete(outlet, "applyForRenewal", renewalApplication("false")))
			.hasMessageContaining("declarationTruthful");
		complete(outlet, "applyForRenewal", renewalApplication(true));
		assertThatThrownBy(() -> complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "maybe")))
			.hasMessageContaining("renewalRecommended");
		assertThat(task(outlet, "reviewRenewal")).isNotNull();
	}

	/**
	 * Applied 10 days before validUntil, decided 20 days after it: valid (续期审核中) all the time in
	 * between, and three more years from the old end once approved.
	 */
	@Test
	void Art9_renewalAppliedInTimeKeepsTheOutletValidUntilDecided() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2030, 2, 27), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		assertThat(register(outlet).renewalAppliedOn()).isEqualTo(LocalDate.of(2030, 2, 27));
		assertThat(register(outlet).statusLabel()).isEqualTo("续期审核中");
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));

		advanceTo(outlet, LocalDate.of(2030, 3, 10).atTime(0, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(register(outlet).statusLabel()).isEqualTo("续期审核中");
		assertThat(ended(outlet)).isFalse();
		advanceTo(outlet, LocalDate.of(2030, 3, 29), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(task(outlet, "approveRenewal")).isNotNull();

		complete(outlet, "approveRenewal", Map.of("renewalApproved", "true"));
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2033, 3, 9));
		assertThat(register(outlet).statusLabel()).isEqualTo("有效");
		assertThat(register(outlet).renewalAppliedOn()).isNull();
		advanceTo(outlet, LocalDate.of(2033, 3, 9), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		advanceTo(outlet, LocalDate.of(2033, 3, 10).atTime(0, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
	}

	/** CNIPA refuses finally 20 days after validUntil: the outlet expires on the decision day, with the reason. */
	@Test
	void Art9_finalRefusalAfterTheEndExpiresOnTheDecisionDay() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2030, 2, 27), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));
		advanceTo(outlet, LocalDate.of(2030, 3, 29), true);
		assertThatThrownBy(() -> complete(outlet, "approveRenewal", Map.of("renewalApproved", "false")))
			.hasMessageContaining("renewalReturned")
			.hasMessageContaining("renewalApprovalOpinion");
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);

		complete(outlet, "approveRenewal",
				Map.of("renewalApproved", "false", "renewalReturned", "false", "renewalApprovalOpinion", "服务能力明显下降"));
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(register(outlet).statusChangedAt())
			.isEqualTo(LocalDate.of(2030, 3, 29).atTime(10, 0).atZone(SHANGHAI).toInstant());
		assertThat(register(outlet).statusReason()).contains("服务能力明显下降");
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2030, 3, 9));
		assertThat(ended(outlet)).isTrue();
	}

	/** A final refusal before validUntil: the outlet stays valid to its last day and expires the day after. */
	@Test
	void Art9_finalRefusalBeforeTheEndExpiresAfterValidUntil() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));
		complete(outlet, "approveRenewal",
				Map.of("renewalApproved", "false", "renewalReturned", "false", "renewalApprovalOpinion", "不符合要求"));
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(register(outlet).statusLabel()).isEqualTo("有效");
		advanceTo(outlet, LocalDate.of(2030, 3, 9).atTime(23, 0), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		advanceTo(outlet, LocalDate.of(2030, 3, 10).atTime(0, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(register(outlet).statusReason()).contains("不符合要求");
	}

	/** CNIPA returns for correction: the outlet corrects, and the renewal goes round again. */
	@Test
	void Art9_cnipaMayReturnARenewalForCorrection() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));
		complete(outlet, "approveRenewal",
				Map.of("renewalApproved", "false", "renewalReturned", "true", "renewalApprovalOpinion", "请补充专职人员名单"));
		complete(outlet, "correctRenewal", renewalApplication("true"));
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));
		complete(outlet, "approveRenewal", Map.of("renewalApproved", "true"));
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2033, 3, 9));
	}

	/** Art. 5 / Art. 12 re-checked on the updated data: 4 full-time staff and no legal entity, both reasons at once. */
	@Test
	void Art9_Art5_renewalWithFourFullTimeStaffIsRefusedWithTheReason() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2030, 2, 27), true);
		Map<String, Object> application = renewalApplication("true");
		application.put("staffFullTime", 4);
		application.put("independentLegalEntity", "false");
		complete(outlet, "applyForRenewal", application);

		assertThat(task(outlet, "reviewRenewal")).isNull();
		assertThat(historyVariable(outlet, "renewalIneligibilityReasons").toString())
			.contains("INSUFFICIENT_FULL_TIME_STAFF").contains("NOT_INDEPENDENT_LEGAL_ENTITY");
		// Refused before validUntil: valid to its last day, then expired with the reasons.
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		advanceTo(outlet, LocalDate.of(2030, 3, 10).atTime(0, 1), true);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(register(outlet).statusReason()).contains("专职人员少于5名").contains("不是独立法人单位");
	}

	Object historyVariable(Filed outlet, String name) {
		return historyService.createHistoricVariableInstanceQuery().processInstanceId(outlet.id()).variableName(name)
			.singleResult().getValue();
	}

	/** The outlet applies in the window, its recommender recommends and CNIPA approves. */
	void renew(Filed outlet, LocalDate windowOpens) {
		advanceTo(outlet, windowOpens, true);
		Map<String, Object> application = renewalApplication("true");
		application.put("workFoundation", "三年来运行良好");
		complete(outlet, "applyForRenewal", application);
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));
		Task approve = task(outlet, "approveRenewal");
		assertForm(approve, "approve-renewal", "renewalApproved");
		assertThat(taskService.getIdentityLinksForTask(approve.getId()))
			.anyMatch(link -> "cnipa-reviewers".equals(link.getGroupId()));
		complete(outlet, "approveRenewal", Map.of("renewalApproved", "true"));
	}

}
