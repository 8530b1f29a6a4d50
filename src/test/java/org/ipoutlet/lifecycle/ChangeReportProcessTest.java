package org.ipoutlet.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.register.OutletChanges;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Change reports (报备) to CNIPA through the recommender (Art. 10). */
@ProcessTest
class ChangeReportProcessTest extends LifecycleTestSupport {

	@Autowired
	OutletChanges changes;

	/**
	 * A move to another province: the provincial office forwards, CNIPA records, the register takes
	 * the new place from that day with the earlier values kept, and the new province's office handles
	 * the outlet's later tasks.
	 */
	@Test
	void Art10_moveToAnotherProvinceIsRecordedWithHistoryAndHandedToThatProvince() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		var before = register(outlet);
		setNow(LocalDate.of(2027, 9, 1).atTime(9, 0));
		assertThatThrownBy(() -> messages.reportChange(outlet.filingNo(), Map.of("province", "990000")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("province");
		messages.reportChange(outlet.filingNo(), Map.of("province", "110000", "address", "北京市海淀区某路8号",
				"headName", "王五", "headTitle", "主任"));
		assertThat((String) taskService.getVariable(task(outlet, "reviewChangeReport").getId(), "changeSummary"))
			.contains("所在省份").contains("110000").contains("主要负责人职务").contains("主任");
		complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "true", "changeReviewOpinion", "同意转报"));
		assertThat(register(outlet).details().province()).isEqualTo("310000");

		setNow(LocalDate.of(2027, 9, 8).atTime(9, 0));
		complete(outlet, "recordChangeReport", Map.of("changeRecorded", true, "changeRecordOpinion", "予以备案"));

		var after = register(outlet);
		assertThat(after.details().province()).isEqualTo("110000");
		assertThat(after.details().address()).isEqualTo("北京市海淀区某路8号");
		assertThat(after.details().headName()).isEqualTo("王五");
		assertThat(after.headTitle()).isEqualTo("主任");
		assertThat(after.recommenderId()).isEqualTo("110000");
		assertThat(changes.of(outlet.filingNo()))
			.extracting(OutletChanges.Change::field, OutletChanges.Change::oldValue, OutletChanges.Change::newValue,
					OutletChanges.Change::changedOn)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("province", "310000", "110000", LocalDate.of(2027, 9, 8)),
					org.assertj.core.groups.Tuple.tuple("address", before.details().address(), "北京市海淀区某路8号",
							LocalDate.of(2027, 9, 8)),
					org.assertj.core.groups.Tuple.tuple("headName", "张三", "王五", LocalDate.of(2027, 9, 8)),
					org.assertj.core.groups.Tuple.tuple("headTitle", null, "主任", LocalDate.of(2027, 9, 8)),
					org.assertj.core.groups.Tuple.tuple("recommenderId", "310000", "110000", LocalDate.of(2027, 9, 8)));
		assertThat(runtimeService.getVariable(outlet.id(), "recommenderId")).isEqualTo("110000");
		assertThat(runtimeService.getVariable(outlet.id(), "province")).isEqualTo("110000");
		assertThat(runtimeService.getVariable(outlet.id(), "recommenderName")).isEqualTo("北京市知识产权局");

		// The next change report and the next annual summary go to Beijing's office.
		messages.reportChange(outlet.filingNo(), Map.of("phone", "010-66668888"));
		assertThat(taskService.getIdentityLinksForTask(task(outlet, "reviewChangeReport").getId()))
			.anyMatch(link -> "recommender-110000".equals(link.getGroupId()))
			.noneMatch(link -> "recommender-310000".equals(link.getGroupId()));
		advanceTo(outlet, LocalDate.of(2028, 1, 5), false);
		complete(outlet, "submitAnnualSummary", Map.of("annualSummary", "2027年度工作总结。"));
		assertThat(taskService.getIdentityLinksForTask(task(outlet, "reviewAnnualSummary").getId()))
			.anyMatch(link -> "recommender-110000".equals(link.getGroupId()));
	}

	/** An outlet recommended by an industry department keeps its recommender after a move. */
	@Test
	void Art10_industryDepartmentKeepsItsOutletAfterAMove() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "mct");
		messages.reportChange(outlet.filingNo(), Map.of("province", "310000"));
		complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "true"));
		complete(outlet, "recordChangeReport", Map.of("changeRecorded", true));
		assertThat(register(outlet).details().province()).isEqualTo("310000");
		assertThat(register(outlet).recommenderId()).isEqualTo("mct");
	}

	@Test
	void Art10_forwardedChangeUpdatesTheRegisterWhenCnipaRecordsIt() {
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
		// Forwarded: CNIPA records it; until then the register is unchanged.
		assertThat(register(outlet).details().orgName()).isEqualTo(oldName);
		Task record = task(outlet, "recordChangeReport");
		assertForm(record, "record-change-report", "changeRecorded");
		assertThat(taskService.getIdentityLinksForTask(record.getId()))
			.anyMatch(link -> "cnipa-reviewers".equals(link.getGroupId()));
		assertThatThrownBy(() -> complete(outlet, "recordChangeReport", Map.of("changeRecorded", false)))
			.hasMessageContaining("changeRecorded");
		complete(outlet, "recordChangeReport", Map.of("changeRecorded", true));

		assertThat(register(outlet).details().orgName()).isEqualTo("上海某大学知识产权信息服务中心");
		assertThat(register(outlet).details().serviceItems()).contains("SME_SERVICES");
		assertThat(register(outlet).details().address()).isEqualTo("某市某路1号");
		assertThat(runtimeService.getVariable(outlet.id(), "orgName")).isEqualTo("上海某大学知识产权信息服务中心");
	}

	@Test
	void Art10_changeReturnedForCorrectionLeavesTheRegisterAlone() {
		Filed outlet = file(LocalDate.of(2027, 3, 10), "310000");
		messages.reportChange(outlet.filingNo(), Map.of("address", "上海市某区新址88号", "phone", "021-66668888"));
		// Returning is for correcting errors: the recommender must name them.
		assertThatThrownBy(() -> complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "false")))
			.hasMessageContaining("changeReviewOpinion");
		complete(outlet, "reviewChangeReport", Map.of("changeAccepted", "false", "changeReviewOpinion", "门牌号有误"));

		assertThat(register(outlet).details().address()).isEqualTo("某市某路1号");
		assertThat(register(outlet).details().phone()).isEqualTo("010-12345678");
		assertThat(task(outlet, "reviewChangeReport")).isNull();
		assertThat(task(outlet, "recordChangeReport")).isNull();
		assertThat(changes.of(outlet.filingNo())).isEmpty();
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
		taskService.complete(task(outlet, "recordChangeReport").getId(), Map.of("changeRecorded", true));
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
			.taskDefinitionKey("recordChangeReport")
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

		taskService.complete(contact.getId(), Map.of("changeAccepted", "false", "changeReviewOpinion", "联系人姓名有误"));
		taskService.complete(head.getId(), Map.of("changeAccepted", "true"));
		complete(outlet, "recordChangeReport", Map.of("changeRecorded", true));

		assertThat(register(outlet).details().headName()).isEqualTo("王五");
		assertThat(register(outlet).details().contactName()).isEqualTo("李四");
		assertThat(runtimeService.getVariable(outlet.id(), "changeAccepted")).isNull();
	}

}
