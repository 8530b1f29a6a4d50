package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.ipoutlet.ProcessTest;
import org.ipoutlet.annualreport.AnnualSummaries;
import org.ipoutlet.institution.BannedInstitutions;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What happens when events overlap (decisions documented in package-info). */
@ProcessTest
class OverlapProcessTest extends LifecycleTestSupport {

	@Autowired
	BannedInstitutions banned;

	@Autowired
	AnnualSummaries summaries;

	@Test
	void Art9_Art17_renewalIsNotGrantedDuringRectificationButAfterVerification() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 11, 1), true);
		messages.orderRectification(outlet.filingNo(), "服务记录不完整");

		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		complete(outlet, "reviewRenewal", Map.of("renewalRecommended", "true"));
		complete(outlet, "approveRenewal", Map.of("renewalApproved", "true"));

		// Refused by the register: back to CNIPA, validity unchanged, the reason on record.
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2030, 3, 9));
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(task(outlet, "approveRenewal")).isNotNull();
		assertThat((String) runtimeService.getVariable(outlet.id(), "renewalBlockedReason")).contains("整改中");

		complete(outlet, "submitRectificationReport", Map.of("rectificationReport", "已补全服务记录"));
		complete(outlet, "verifyRectification", Map.of("rectified", "true"));
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);

		complete(outlet, "approveRenewal", Map.of("renewalApproved", "true"));
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2033, 3, 9));
		assertThat(runtimeService.getVariable(outlet.id(), "renewalBlockedReason")).isNull();
	}

	@Test
	void Art18_misconductDuringRenewalRevokesAndEndsTheRenewal() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 12, 10), true);
		complete(outlet, "applyForRenewal", renewalApplication("true"));
		assertThat(task(outlet, "reviewRenewal")).isNotNull();

		messages.reportMisconduct(outlet.filingNo(), "FALSE_MATERIALS", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa");

		assertThat(register(outlet).status()).isEqualTo(OutletStatus.REVOKED);
		assertThat(register(outlet).validUntil()).isEqualTo(LocalDate.of(2030, 3, 9));
		assertThat(ended(outlet)).isTrue();
		assertThat(taskService.createTaskQuery().processInstanceId(outlet.id()).count()).isZero();
		assertThat(banned.isBanned(outlet.uscc(), LocalDate.of(2032, 12, 9))).isTrue();
	}

	@Test
	void Art18_misconductDuringRectificationRevokesAtOnce() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2027, 8, 1), true);
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		messages.reportMisconduct(outlet.filingNo(), "ILLEGAL_ACTIVITY", "经查实的违规事实", "撤销备案，三年内不得再提交备案申请", "cnipa");

		assertThat(register(outlet).status()).isEqualTo(OutletStatus.REVOKED);
		assertThat(ended(outlet)).isTrue();
		assertThat(managementService.createJobQuery().processInstanceId(outlet.id()).count()).isZero();
	}

	@Test
	void Art9_Art17_expiryDuringRectificationExpires() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2029, 12, 1), true);
		messages.orderRectification(outlet.filingNo(), "人员不足");
		assertThat(runtimeService.getVariable(outlet.id(), "rectificationDeadline")).isEqualTo("2030-06-01");

		advanceTo(outlet, LocalDate.of(2030, 3, 10), true);

		assertThat(register(outlet).status()).isEqualTo(OutletStatus.EXPIRED);
		assertThat(ended(outlet)).isTrue();
		assertThat(managementService.createJobQuery().processInstanceId(outlet.id()).count()).isZero();
	}

	@Test
	void Art17_secondRectificationTriggerJoinsTheRunningOne() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		advanceTo(outlet, LocalDate.of(2027, 12, 15), false);
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		assertThatThrownBy(() -> messages.orderRectification(outlet.filingNo(), "再次责令"))
			.isInstanceOf(NoAwaitingInstanceException.class)
			.hasMessageContaining("already under rectification");

		// The 2027 summary is missed while rectifying: recorded, but the running rectification covers it.
		advanceTo(outlet, LocalDate.of(2028, 2, 2), false);
		assertThat(summaries.find(outlet.filingNo(), 2027).orElseThrow().status())
			.isEqualTo(AnnualSummaries.Status.MISSING);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
		assertThat(taskService.createTaskQuery()
			.processInstanceId(outlet.id())
			.taskDefinitionKey("submitRectificationReport")
			.count()).isEqualTo(1);
		assertThat(runtimeService.getVariable(outlet.id(), "rectificationDeadline")).isEqualTo("2028-06-15");
	}

	@Test
	void Art10_Art17_changeReportDuringRectificationIsReviewed() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.orderRectification(outlet.filingNo(), "联系方式失效");
		messages.reportChange(outlet.filingNo(), Map.of("phone", "021-12345678"));
		complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "true"));
		complete(outlet, "recordChangeReport", Map.of("changeRecorded", true));
		assertThat(register(outlet).details().phone()).isEqualTo("021-12345678");
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
	}

}
