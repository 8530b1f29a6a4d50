package org.ipoutlet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An auditor reads a filed application's whole history in Cockpit, in Chinese (README, "Auditors in Cockpit"): the
 * search by USCC over the three processes, the CSV export, the instance's diagram with the path taken and the
 * supplement loop counted, the timeline with the recommender's and CNIPA's opinions (Art. 7), a variable's changes,
 * the operation log, the outlet's single timeline after a change report (Art. 10) and a renewal (Art. 9), and no button that changes
 * anything. Screenshots go to target/screenshots.
 */
@WebTest
class CockpitAuditBrowserTest {

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	FormService forms;

	@Autowired
	IdentityService identity;

	@Autowired
	RepositoryService repository;

	/** On failure, the page as the browser had it. */
	@RegisterExtension
	final AfterTestExecutionCallback dumpOnFailure = Chromium.dumpOnFailure(() -> chromium);

	@BeforeAll
	static void startChromium() throws IOException {
		chromium = Chromium.start(CockpitAuditBrowserTest.class.getSimpleName());
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void signOut() {
		chromium.signOut(base());
	}

	@Test
	void Art7_auditorFindsAFiledApplicationByUsccAndReadsItsWholeHistory() throws IOException {
		String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
		String firstName = "审计测试" + suffix + "图书馆";
		String orgName = "审计测试" + suffix + "大学图书馆";
		String uscc = FilingFixtures.newUscc();
		String filingId = fileWithOneSupplement(firstName, orgName, uscc);
		String applicationNo = history.createHistoricProcessInstanceQuery().processInstanceId(filingId).singleResult()
			.getBusinessKey();
		String filingNo = (String) history.createHistoricVariableInstanceQuery().processInstanceId(filingId)
			.variableName("filingNo").singleResult().getValue();
		reportAChange(filingNo);
		renewForThreeYears(filingNo);

		chromium.logIn(base(), "auditor", "cockpit");
		WebElement menu = chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.ipo-audit-menu")));
		assertThat(menu.getDomProperty("textContent")).isEqualTo("审计查询");
		menu.click();

		// The search: by USCC, over running and finished instances of the three processes.
		WebElement usccField = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".ipo-audit-form input[name=uscc]")));
		usccField.sendKeys(uscc);
		chromium.driver.findElement(By.cssSelector("button.ipo-audit-search")).click();
		chromium.wait.until(d -> d.findElements(By.cssSelector("tr.ipo-audit-hit")).size() == 2);
		List<WebElement> hits = chromium.driver.findElements(By.cssSelector("tr.ipo-audit-hit"));
		assertThat(chromium.driver.findElement(By.cssSelector(".ipo-audit-status")).getDomProperty("textContent"))
			.isEqualTo("共 2 条");
		String found = String.join("\n", hits.stream().map(h -> h.getDomProperty("textContent")).toList());
		assertThat(found).contains(applicationNo, filingNo, orgName, uscc, "予以备案", "运行中", "上海市知识产权局");
		assertNoWriteButton();
		chromium.screenshot("search-by-uscc");

		// The CSV export opens in Excel with Chinese intact: UTF-8 with a byte-order mark.
		chromium.driver.findElement(By.cssSelector("button.ipo-audit-export")).click();
		Path csv = chromium.wait.until(d -> csvFile());
		byte[] bytes = Files.readAllBytes(csv);
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		List<List<String>> rows = parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
		assertThat(rows.get(0)).contains("流程", "业务编号", "机构名称", "统一社会信用代码", "推荐部门", "状态/结果");
		assertThat(rows).hasSize(3);
		assertThat(rows.subList(1, 3)).anySatisfy(row -> assertThat(row).contains(applicationNo, orgName, uscc,
				"上海市知识产权局", "予以备案", "国家知识产权信息公共服务网点备案"));
		assertThat(rows.subList(1, 3)).anySatisfy(row -> assertThat(row).contains(filingNo, "运行中"));

		// One instance: opened from the search.
		chromium.driver.findElement(By.cssSelector("tr.ipo-audit-hit[data-instance='" + filingId + "'] a.ipo-audit-open"))
			.click();
		chromium.wait.until(d -> d.findElements(By.cssSelector("tr.ipo-audit-step")).size() > 5);
		chromium.wait.until(d -> !d.findElements(By.cssSelector(".ipo-audit-canvas .ipo-audit-done")).isEmpty());

		// The path taken: executed steps and flows marked, the supplement loop counted.
		assertThat(chromium.driver.findElements(By.cssSelector("[data-element-id='cnipaReview'].ipo-audit-done"))).hasSize(1);
		assertThat(chromium.driver.findElements(By.cssSelector("[data-element-id='supplementMaterials'].ipo-audit-done")))
			.hasSize(1);
		assertThat(chromium.driver.findElements(By.cssSelector("[data-element-id='EndEvent_Rejected'].ipo-audit-done")))
			.isEmpty();
		assertThat(chromium.driver.findElements(By.cssSelector("[data-element-id='Flow_Approve'].ipo-audit-flow"))).hasSize(1);
		assertThat(chromium.driver.findElements(By.cssSelector("[data-element-id='Flow_Reject'].ipo-audit-flow"))).isEmpty();
		assertThat(chromium.driver.findElement(By.cssSelector(".ipo-audit-count.ipo-audit-loop[data-activity='preliminaryReview']"))
			.getDomProperty("textContent")).isEqualTo("2");
		chromium.screenshot("instance-diagram");

		// The timeline: who did what, when, with each decision and opinion.
		List<WebElement> reviews = chromium.driver.findElements(By.cssSelector("tr.ipo-audit-step[data-activity='preliminaryReview']"));
		assertThat(reviews).hasSize(2);
		assertThat(reviews.get(0).getDomProperty("textContent")).contains("初审和推荐", "shanghai", "退回补正", "请补充典型案例材料。");
		assertThat(reviews.get(1).getDomProperty("textContent")).contains("shanghai", "推荐", "材料齐全，同意推荐。")
			.doesNotContain("准予备案");
		WebElement cnipa = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-step[data-activity='cnipaReview']"));
		assertThat(cnipa.getDomProperty("textContent")).contains("国家知识产权局审核", "cnipa", "准予备案", "符合备案条件，予以公示。");
		assertThat(chromium.driver.findElement(By.cssSelector("tr.ipo-audit-step[data-activity='supplementMaterials']"))
			.getDomProperty("textContent")).contains("补正材料", "applicant");

		// The filing's documents (Art. 6) from the documents store: the scan, the work rules and the archived
		// 备案表, each a download (README, "Auditors in Cockpit").
		By scanLink = By.cssSelector(".ipo-audit-documents tr.ipo-audit-document[data-field=sealedForm][data-current=true] a.ipo-audit-document-link");
		WebElement scan = chromium.wait.until(ExpectedConditions.presenceOfElementLocated(scanLink));
		String documents = chromium.driver.findElement(By.id("ipo-audit-documents")).getDomProperty("textContent");
		assertThat(documents).contains("盖章备案表扫描件", "相关工作制度", "备案表（归档）", "applicant", "随申请提交", "系统归档",
				"下载备案表");
		assertThat(chromium.driver.findElements(By.cssSelector(".ipo-audit-documents tr.ipo-audit-document[data-field=finalForm]")))
			.hasSize(1);
		chromium.scrollTo(scan);
		chromium.screenshot("instance-documents");
		assertThat(scan.getDomProperty("textContent")).isEqualTo("备案表-盖章.pdf");
		scan.click();
		Path downloaded = chromium.downloads().resolve("备案表-盖章.pdf");
		chromium.wait.until(d -> Files.exists(downloaded) && sameBytes(downloaded, org.ipoutlet.document.TestDocuments.PDF));

		// A variable as it changed: the institution's name, before and after the supplement.
		WebElement name = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-variable[data-variable='orgName']"));
		chromium.scrollTo(name);
		chromium.script("arguments[0].open = true;", name.findElement(By.cssSelector("details")));
		List<String> changes = name.findElements(By.cssSelector("li.ipo-audit-change .ipo-audit-change-value"))
			.stream().map(e -> e.getDomProperty("textContent")).toList();
		assertThat(changes).containsExactly(firstName, orgName);
		WebElement decision = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-variable[data-variable='recommendation']"));
		chromium.scrollTo(decision);
		chromium.script("arguments[0].open = true;", decision.findElement(By.cssSelector("details")));
		assertThat(decision.findElements(By.cssSelector("li.ipo-audit-change .ipo-audit-change-value"))
			.stream().map(e -> e.getDomProperty("textContent")).filter(v -> !v.equals("无")).toList()).containsExactly("退回补正", "推荐");
		chromium.screenshot("variable-history");

		// The user operation log, and the comment the recommender left.
		String operations = chromium.driver.findElement(By.id("ipo-audit-operations")).getDomProperty("textContent");
		assertThat(operations).contains("shanghai", "认领 任务", "完成 任务", "cnipa", "applicant", "创建 流程实例");
		assertThat(chromium.driver.findElement(By.id("ipo-audit-comments")).getDomProperty("textContent")).contains("shanghai",
				"已电话通知申请单位补充材料。");
		assertThat(chromium.driver.findElement(By.id("ipo-audit-jobs")).getDomProperty("textContent")).contains("异步继续", "成功");
		assertNoWriteButton();
		chromium.fullScreenshot("instance-history");

		// Cockpit's own link to a finished instance now opens this history instead of redirecting away.
		chromium.driver.get(base() + "/camunda/app/cockpit/default/#/process-instance/" + filingId);
		chromium.wait.until(ExpectedConditions.urlContains("/process-instance/" + filingId + "/history"));
		chromium.wait.until(d -> !d.findElements(By.cssSelector("tr.ipo-audit-step")).isEmpty());

		// One outlet across its life: the filing and the lifecycle with the change report, with the register's status.
		WebElement outletLink = chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.ipo-audit-outlet-link")));
		assertThat(outletLink.getDomProperty("textContent")).contains(filingNo);
		outletLink.click();
		chromium.wait.until(d -> !d.findElements(By.cssSelector("tr.ipo-audit-life-step[data-activity='reviewChangeReport']")).isEmpty());
		String life = chromium.driver.findElement(By.cssSelector(".ipo-audit-outlet")).getDomProperty("textContent");
		assertThat(life).contains("国家知识产权信息公共服务网点备案", "网点备案存续管理", "初审和推荐", "国家知识产权局审核",
				"予以备案并公布", "初始化网点监管");
		WebElement change = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-life-step[data-activity='reviewChangeReport']"));
		assertThat(change.getDomProperty("textContent")).contains("推荐部门审核并转报变更", "shanghai", "同意变更地址。", "有效");
		List<WebElement> steps = chromium.driver.findElements(By.cssSelector("tr.ipo-audit-life-step"));
		assertThat(steps.get(0).getDomProperty("textContent")).contains("提交备案申请");
		assertThat(steps.indexOf(change)).isGreaterThan(indexOf(steps, "Task_Registration"));
		// Art. 9: the renewal three years on, after the change report, each step with its decision and the register's status.
		WebElement apply = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-life-step[data-activity='applyForRenewal']"));
		assertThat(apply.getDomProperty("textContent")).contains("申请续期", "applicant");
		WebElement renewalReview = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-life-step[data-activity='reviewRenewal']"));
		assertThat(renewalReview.getDomProperty("textContent")).contains("推荐部门审核续期", "shanghai", "三年来服务良好，同意续期。", "有效");
		WebElement approval = chromium.driver.findElement(By.cssSelector("tr.ipo-audit-life-step[data-activity='approveRenewal']"));
		assertThat(approval.getDomProperty("textContent")).contains("国家知识产权局审批续期", "cnipa", "准予续期三年。", "有效");
		assertThat(steps.indexOf(apply)).isGreaterThan(steps.indexOf(change));
		assertThat(steps.indexOf(renewalReview)).isGreaterThan(steps.indexOf(apply));
		assertThat(steps.indexOf(approval)).isGreaterThan(steps.indexOf(renewalReview));
		assertNoWriteButton();
		chromium.fullScreenshot("outlet-timeline");
	}

	// --- what the auditor must not find -----------------------------------------------------------------

	/** Only the search's own buttons: nothing on the audit pages can start, change or delete anything. */
	private void assertNoWriteButton() {
		List<String> allowed = List.of("查询", "导出 CSV", "上一页", "下一页");
		List<String> buttons = chromium.driver.findElements(By.cssSelector(".ipo-audit button, .ipo-audit input[type=submit]"))
			.stream().map(e -> e.getDomProperty("textContent")).map(String::trim).toList();
		assertThat(buttons).as("buttons of the audit page").allSatisfy(text -> assertThat(allowed).contains(text));
		List<String> links = chromium.driver.findElements(By.cssSelector(".ipo-audit a[href]"))
			.stream().map(a -> a.getDomAttribute("href")).toList();
		assertThat(links).as("links of the audit page").allSatisfy(href -> assertThat(href)
			.matches("#/(audit|audit-outlet\\?filingNo=.*|process-instance/[^/]+/history)|.*/history/variable-instance/[^/]+/data"
					// the filing's documents and its 备案表 PDF: downloads from the documents resource
					+ "|/camunda/api/tasklist/plugin/outlet-documents/default/applications/[^/]+/(documents/\\d+|form\\.pdf)"
					// the diagram viewer's bpmn.io watermark
					+ "|https?://bpmn\\.io/?"));
	}

	// --- engine steps: an application returned once for supplement, then filed ------------------------------

	private String fileWithOneSupplement(String firstName, String orgName, String uscc) {
		Map<String, Object> application = FilingFixtures.application(uscc);
		application.put("orgName", firstName);
		application.remove("applicant");
		String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("outlet-filing")
			.latestVersion().singleResult().getId();
		String id = as("applicant", () -> forms.submitStartForm(definitionId, application).getId());
		Jobs.runDue(management, id);

		Task first = task(id, "preliminaryReview");
		as("shanghai", () -> {
			tasks.claim(first.getId(), "shanghai");
			tasks.createComment(first.getId(), id, "已电话通知申请单位补充材料。");
			tasks.complete(first.getId(), Map.of("recommendation", "RETURN", "recommenderOpinion", "请补充典型案例材料。", "recommenderHead", "陈处长"));
			return null;
		});
		Jobs.runDue(management, id);

		Task supplement = task(id, "supplementMaterials");
		Map<String, Object> corrected = FilingFixtures.application(uscc);
		corrected.put("orgName", orgName);
		corrected.remove("applicant");
		as("applicant", () -> {
			tasks.complete(supplement.getId(), corrected);
			return null;
		});
		Jobs.runDue(management, id);

		Task second = task(id, "preliminaryReview");
		as("shanghai", () -> {
			tasks.claim(second.getId(), "shanghai");
			tasks.complete(second.getId(), Map.of("recommendation", "RECOMMEND", "recommenderOpinion", "材料齐全，同意推荐。", "recommenderHead", "陈处长"));
			return null;
		});
		Jobs.runDue(management, id);

		Task national = task(id, "cnipaReview");
		as("cnipa", () -> {
			tasks.claim(national.getId(), "cnipa");
			tasks.complete(national.getId(), Map.of("filingDecision", "APPROVE", "falseMaterials", false,
					"cnipaOpinion", "符合备案条件，予以公示。", "cnipaHead", "刘司长"));
			return null;
		});
		Jobs.runDue(management, id);

		String publicityEndsAt = (String) runtime.getVariable(id, "publicityEndsAt");
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(publicityEndsAt).plusHours(1).toInstant()));
		Jobs.runDue(management, id);
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getState())
			.isEqualTo("COMPLETED");
		return id;
	}

	/** Art. 10: the outlet reports a new address through the API; Shanghai accepts it. */
	private void reportAChange(String filingNo) {
		ApiClient api = new ApiClient(port);
		HttpRequest.Builder request = api.request("/api/outlets/" + filingNo + "/change-reports")
			.header("Authorization", ApiClient.basic("applicant", "applicant"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"上海市徐汇区新路1号\"}"));
		assertThat(api.send(request).status()).isBetween(200, 299);
		ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("outlet-lifecycle")
			.processInstanceBusinessKey(filingNo).singleResult();
		Jobs.runDue(management, lifecycle.getId());
		Task review = task(lifecycle.getId(), "reviewChangeReport");
		as("shanghai", () -> {
			tasks.claim(review.getId(), "shanghai");
			tasks.complete(review.getId(), Map.of("changeAccepted", "true", "changeReviewOpinion", "同意变更地址。"));
			return null;
		});
		Jobs.runDue(management, lifecycle.getId());
	}

	/**
	 * Art. 9: the renewal window opens 90 days before the end of the three years; the outlet applies through the
	 * API, Shanghai recommends and CNIPA approves. Only the renewal timer is fired (the yearly summary timers that
	 * fall due on the way are left alone); the clock goes back to today afterwards.
	 */
	private void renewForThreeYears(String filingNo) {
		String lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey("outlet-lifecycle")
			.processInstanceBusinessKey(filingNo).singleResult().getId();
		org.camunda.bpm.engine.runtime.Job window = management.createJobQuery().processInstanceId(lifecycle).timers()
			.activityId("Timer_RenewalWindow").singleResult();
		assertThat(window).as("renewal window timer").isNotNull();
		ClockUtil.setCurrentTime(window.getDuedate());
		management.executeJob(window.getId());
		runAsyncSteps(lifecycle);
		// Some hours between the steps, as in real life: the timeline orders steps by when they started.
		later(window.getDuedate(), 1);
		ApiClient api = new ApiClient(port);
		HttpRequest.Builder request = api.request("/api/outlets/" + filingNo + "/renewal")
			.header("Authorization", ApiClient.basic("applicant", "applicant"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"independentLegalEntity\":true,\"staffTotal\":15,\"staffFullTime\":8,"
					+ "\"workFoundation\":\"三年来服务运行良好\",\"developmentPlan\":\"扩大中小微企业服务\",\"declarationTruthful\":true}"));
		assertThat(api.send(request).status()).isBetween(200, 299);
		runAsyncSteps(lifecycle);
		later(window.getDuedate(), 3);
		Task review = task(lifecycle, "reviewRenewal");
		as("shanghai", () -> {
			tasks.claim(review.getId(), "shanghai");
			tasks.complete(review.getId(), Map.of("renewalRecommended", "true", "renewalReviewOpinion", "三年来服务良好，同意续期。"));
			return null;
		});
		runAsyncSteps(lifecycle);
		later(window.getDuedate(), 5);
		Task approval = task(lifecycle, "approveRenewal");
		as("cnipa", () -> {
			tasks.claim(approval.getId(), "cnipa");
			tasks.complete(approval.getId(), Map.of("renewalApproved", "true", "renewalApprovalOpinion", "准予续期三年。"));
			return null;
		});
		runAsyncSteps(lifecycle);
		ClockUtil.reset();
	}

	private static void later(Date start, int hours) {
		ClockUtil.setCurrentTime(Date.from(start.toInstant().plus(java.time.Duration.ofHours(hours))));
	}

	/** The asynchronous continuations of an instance (message jobs), not its timers. */
	private void runAsyncSteps(String processInstanceId) {
		for (int round = 0; round < 20; round++) {
			List<org.camunda.bpm.engine.runtime.Job> jobs = management.createJobQuery().processInstanceId(processInstanceId)
				.messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
		throw new IllegalStateException("Jobs keep coming for " + processInstanceId);
	}

	private <T> T as(String user, java.util.function.Supplier<T> work) {
		identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
			.map(Group::getId).toList());
		try {
			return work.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private Task task(String processInstanceId, String key) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
		assertThat(task).as("task %s", key).isNotNull();
		return task;
	}

	private static int indexOf(List<WebElement> steps, String activityId) {
		for (int i = 0; i < steps.size(); i++) {
			if (activityId.equals(steps.get(i).getDomAttribute("data-activity"))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean sameBytes(Path file, byte[] expected) {
		try {
			return java.util.Arrays.equals(Files.readAllBytes(file), expected);
		}
		catch (IOException e) {
			return false;
		}
	}

	private Path csvFile() {
		try (var files = Files.list(chromium.downloads())) {
			return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
		}
		catch (IOException e) {
			return null;
		}
	}

	/** RFC 4180: quoted fields, doubled quotes, CRLF between records. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new java.util.ArrayList<>();
		List<String> row = new java.util.ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new java.util.ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		return rows;
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
