package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.institution.IllegalTransitionException;
import org.ipoutlet.register.OutletStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Art. 9, 17: a renewal, a revocation after rectification and a rectification's completion happen
 * only through their steps, as recorded in the register. Each attack runs as an administrator
 * through the Java API; the register is unchanged afterwards.
 */
@ProcessTest
class LifecycleStepsCannotBeSkippedTest extends LifecycleTestSupport {

	@Autowired
	IdentityService identity;

	@AfterEach
	void clearAuthentication() {
		identity.clearAuthentication();
	}

	@Test
	void Art9_aRenewalStartedWithoutItsReviewAndApprovalIsRefused() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		LocalDate validUntil = register(outlet).validUntil();
		asAdmin();
		runtimeService.createProcessInstanceModification(outlet.id()).startBeforeActivity("Task_RenewOutlet").execute();

		for (int attempt = 0; attempt < 3; attempt++) {
			Job job = managementService.createJobQuery().processInstanceId(outlet.id()).activityId("Task_RenewOutlet")
				.singleResult();
			assertThatThrownBy(() -> managementService.executeJob(job.getId()))
				.satisfies(LifecycleStepsCannotBeSkippedTest::refusedByTheRegister)
				.hasStackTraceContaining("approved through its tasks");
		}
		assertThat(runtimeService.createIncidentQuery().processInstanceId(outlet.id()).count()).isEqualTo(1);
		assertThat(register(outlet).validUntil()).as("validity unchanged").isEqualTo(validUntil);
		assertThat(runtimeService.getVariable(outlet.id(), "renewalCount")).isEqualTo(0);
	}

	@Test
	void Art9_approvingARenewalTheRecommenderNeverReviewedIsRefused() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		asAdmin();
		runtimeService.createProcessInstanceModification(outlet.id()).startBeforeActivity("approveRenewal").execute();
		Task approve = task(outlet, "approveRenewal");

		assertThatThrownBy(() -> taskService.complete(approve.getId(), Map.of("renewalApproved", true)))
			.satisfies(LifecycleStepsCannotBeSkippedTest::refusedByTheRegister);
		assertThat(task(outlet, "approveRenewal")).as("the task stays open").isNotNull();
		assertThat(register(outlet).renewalStage()).isNull();
		assertThat(managementService.createJobQuery().processInstanceId(outlet.id()).activityId("Task_RenewOutlet")
			.count()).isZero();
	}

	@Test
	void Art17_noRevocationAfterRectificationBeforeThePeriodIsOver() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		runAsyncJobs(outlet);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);

		asAdmin();
		assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(outlet.id())
			.startBeforeActivity("Task_RevokeAfterRectification")
			.execute()).satisfies(LifecycleStepsCannotBeSkippedTest::refusedByTheRegister);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
	}

	@Test
	void Art17_aRectificationCnipaNeverVerifiedDoesNotRestoreTheOutlet() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.orderRectification(outlet.filingNo(), "服务场所不符合要求");
		runAsyncJobs(outlet);
		asAdmin();
		runtimeService.createProcessInstanceModification(outlet.id())
			.startBeforeActivity("Task_CompleteRectification")
			.execute();

		List<Job> jobs = managementService.createJobQuery().processInstanceId(outlet.id())
			.activityId("Task_CompleteRectification").list();
		assertThat(jobs).hasSize(1);
		assertThatThrownBy(() -> managementService.executeJob(jobs.get(0).getId()))
			.satisfies(LifecycleStepsCannotBeSkippedTest::refusedByTheRegister);
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.RECTIFYING);
	}

	@Test
	void Art17_aSummaryIsNotMissingBeforeItsDeadlineSoNoRectificationIsOrdered(
			@Autowired org.ipoutlet.annualreport.AnnualSummaries summaries) {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		asAdmin();
		assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(outlet.id())
			.startBeforeActivity("Task_RecordMissingSummary")
			.execute()).hasStackTraceContaining("cannot be missing");
		assertThat(summaries.find(outlet.filingNo(), 2027)).isEmpty();
		assertThat(register(outlet).status()).isEqualTo(OutletStatus.FILED);
		assertThat(task(outlet, "submitRectificationReport")).isNull();
	}

	/** The register's aggregate refused the transition (the engine may wrap it). */
	static void refusedByTheRegister(Throwable thrown) {
		Throwable t = thrown;
		while (t != null && !(t instanceof IllegalTransitionException)) {
			t = t.getCause();
		}
		assertThat(t).as("an IllegalTransitionException in " + thrown).isNotNull();
	}

	private void asAdmin() {
		identity.setAuthentication("admin", List.of("camunda-admin"));
	}

}
