package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.junit.jupiter.api.Test;

/** Change reports to the recommender (Art. 10). */
@ProcessTest
class ChangeReportProcessTest extends LifecycleTestSupport {

	@Test
	void Art10_acceptedChangeUpdatesTheRegister() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		String oldName = register(outlet).details().orgName();

		messages.reportChange(outlet.filingNo(), Map.of("orgName", "上海某大学知识产权信息服务中心", "serviceItems",
				List.of("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES")));

		Task review = task(outlet, "reviewChangeReport");
		assertForm(review, "review-change-report", "changeAccepted");
		assertThat(taskService.getVariable(review.getId(), "recommenderName")).isEqualTo("上海市知识产权局");
		assertThat(taskService.getIdentityLinksForTask(review.getId()))
			.anyMatch(link -> "recommender-310000".equals(link.getGroupId()));
		assertThat((String) taskService.getVariable(review.getId(), "changeSummary")).contains("机构名称")
			.contains(oldName)
			.contains("上海某大学知识产权信息服务中心");
		// Until accepted, the process keeps the registered name.
		assertThat(runtimeService.getVariable(outlet.id(), "orgName")).isEqualTo(oldName);
		assertThat(register(outlet).details().orgName()).isEqualTo(oldName);

		complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "true"));

		assertThat(register(outlet).details().orgName()).isEqualTo("上海某大学知识产权信息服务中心");
		assertThat(register(outlet).details().serviceItems()).contains("SME_SERVICES");
		assertThat(register(outlet).details().address()).isEqualTo("某市某路1号");
		assertThat(runtimeService.getVariable(outlet.id(), "orgName")).isEqualTo("上海某大学知识产权信息服务中心");
	}

	@Test
	void Art10_rejectedChangeLeavesTheRegisterAlone() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.reportChange(outlet.filingNo(), Map.of("address", "上海市某区新址88号", "phone", "021-66668888"));
		complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "false"));

		assertThat(register(outlet).details().address()).isEqualTo("某市某路1号");
		assertThat(register(outlet).details().phone()).isEqualTo("010-12345678");
		assertThat(task(outlet, "reviewChangeReport")).isNull();
		assertThat(ended(outlet)).isFalse();
	}

	@Test
	void Art10_onlyArticle10FieldsWithValidValuesMayBeReported() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		assertThatThrownBy(() -> messages.reportChange(outlet.filingNo(), Map.of("recommenderId", "110000")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("recommenderId");
		assertThatThrownBy(() -> messages.reportChange(outlet.filingNo(), Map.of("email", "not-an-email")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("email");
		assertThatThrownBy(
				() -> messages.reportChange(outlet.filingNo(), Map.of("serviceItems", List.of("CONSULTATION"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("serviceItems");
		assertThat(task(outlet, "reviewChangeReport")).isNull();
	}


	@Test
	void Art10_aRefusedRegisterUpdateBecomesAnIncidentAndKeepsTheDecision() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.reportChange(outlet.filingNo(), Map.of("headName", "王五"));
		// The register moves on outside this instance (e.g. a data fix): the change can no longer apply.
		var entry = register(outlet);
		entry.revoke("测试：登记簿已变更", java.time.Instant.now());
		outlets.update(entry);

		taskService.complete(task(outlet, "reviewChangeReport").getId(), Map.of("changeAccepted", "true"));
		var job = managementService.createJobQuery().processInstanceId(outlet.id()).messages().singleResult();
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatThrownBy(() -> managementService.executeJob(job.getId()))
				.isInstanceOf(org.ipoutlet.institution.IllegalTransitionException.class);
		}

		assertThat(runtimeService.createIncidentQuery().processInstanceId(outlet.id()).count()).isEqualTo(1);
		assertThat(task(outlet, "reviewChangeReport")).isNull();
		assertThat(processEngine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(outlet.id())
			.taskDefinitionKey("reviewChangeReport")
			.finished()
			.count()).isEqualTo(1);
		assertThat(register(outlet).details().headName()).isEqualTo("张三");
	}


	@Test
	void Art10_twoReportsUnderReviewKeepSeparateDecisions() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.reportChange(outlet.filingNo(), Map.of("headName", "王五"));
		messages.reportChange(outlet.filingNo(), Map.of("contactName", "赵六"));
		List<Task> reviews = taskService.createTaskQuery()
			.processInstanceId(outlet.id())
			.taskDefinitionKey("reviewChangeReport")
			.list();
		assertThat(reviews).hasSize(2);
		Task head = reviews.stream()
			.filter(t -> ((String) taskService.getVariable(t.getId(), "changeSummary")).contains("王五"))
			.findFirst()
			.orElseThrow();
		Task contact = reviews.stream().filter(t -> !t.getId().equals(head.getId())).findFirst().orElseThrow();

		taskService.complete(contact.getId(), Map.of("changeAccepted", "false"));
		taskService.complete(head.getId(), Map.of("changeAccepted", "true"));
		runAsyncJobs(outlet);

		assertThat(register(outlet).details().headName()).isEqualTo("王五");
		assertThat(register(outlet).details().contactName()).isEqualTo("李四");
		assertThat(runtimeService.getVariable(outlet.id(), "changeAccepted")).isNull();
	}

}
