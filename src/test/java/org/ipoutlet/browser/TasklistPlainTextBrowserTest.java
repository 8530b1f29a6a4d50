package org.ipoutlet.browser;

import static org.ipoutlet.ProcessKeys.OUTLET_LIFECYCLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.annualreport.AnnualReports;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.lifecycle.LifecycleMessages;
import org.ipoutlet.lifecycle.LifecycleVariables;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.validation.JsonValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a person typed reaches the other side of Tasklist as plain text (README, Security): an applicant's Markdown
 * link and HTML in the 备案表 (Art. 6, 7), an outlet's name, rectification and change reports (Art. 10, 17), annual
 * summary (Art. 17) and renewal application (Art. 9), and the opinions of those who review them are shown literally
 * in the next person's Camunda Form, never as a link or markup, and a review's completion writes none of them back. Real Tasklist in headless Chromium (Debian's chromium, chromium-driver, fonts-noto-cjk); screenshots
 * go to target/screenshots.
 */
@WebTest
class TasklistPlainTextBrowserTest {

	private static final String LINK = "[点击领取](http://evil.example)";
	private static final String BOLD = "<b>x</b>";
	private static final String PAYLOAD = LINK + BOLD;
	private static final List<String> APPLICANT_TEXT = List.of("orgName", "workFoundation", "teamMembers",
			"typicalCases");

	/** The first Tasklist page of a run loads its scripts on a busy machine. */
	private static final Duration PAGE_LOAD = Chromium.FIRST_LOAD;
	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static Chromium chromium;
	private static ChromeDriver driver;

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

	@Autowired
	OutletRepository outlets;

	@Autowired
	LifecycleMessages messages;

	@Autowired
	AnnualReports reports;

	private WebDriverWait wait;

	@RegisterExtension
	final AfterTestExecutionCallback dumpOnFailure = Chromium.dumpOnFailure(() -> chromium);

	@BeforeAll
	static void startChromium() throws IOException {
		// A tall window: the review forms show the applicant's texts and tables at once.
		chromium = Chromium.start(TasklistPlainTextBrowserTest.class.getSimpleName(), 1400);
		driver = chromium.driver;
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (chromium != null) {
			chromium.close();
			chromium = null;
			driver = null;
		}
	}

	@BeforeEach
	void setUp() {
		wait = chromium.wait;
	}

	@AfterEach
	void logOut() {
		signOut();
	}

	@Test
	void Art7_preliminaryReviewShowsTheApplicantsMarkdownAndHtmlLiterallyAndWritesNoneOfItBack() {
		String orgName = "钓鱼测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + PAYLOAD;
		String workFoundation = "工作基础" + PAYLOAD;
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.put("orgName", orgName);
		application.put("workFoundation", workFoundation);
		// Section 三 lists the head (张三) and the six full-time members the fixture claims (README, "The team and the service items").
		application.put("teamMembers", JsonValues.json(List.of(
				Map.of("name", "王五", "role", "部门主任", "fullTime", true, "resume", PAYLOAD),
				Map.of("name", "赵六", "role", "专利分析师", "fullTime", false, "resume", "具有专利代理师资格。"),
				Map.of("name", "张三", "role", "馆长", "fullTime", true, "resume", "主持知识产权信息服务工作。"),
				Map.of("name", "孙七", "role", "检索员", "fullTime", true, "resume", "负责专利和商标信息检索。"),
				Map.of("name", "周八", "role", "培训专员", "fullTime", true, "resume", "负责知识产权宣传培训。"),
				Map.of("name", "吴九", "role", "咨询专员", "fullTime", true, "resume", "负责知识产权咨询服务。"),
				Map.of("name", "钱一", "role", "分析师", "fullTime", true, "resume", "负责专利分析。"))));
		application.put("typicalCases", JsonValues.json(List.of(
				Map.of("name", "新能源汽车产业专利导航", "period", "2024年3月至12月", "content", "案例" + PAYLOAD))));
		String filingId = submitStartFormAs("applicant", application);
		runJobs(filingId);
		Task review = task(filingId, "preliminaryReview");
		String applicationNo = runtime.createProcessInstanceQuery().processInstanceId(filingId).singleResult()
			.getBusinessKey();
		Map<String, String> before = applicantVariables(filingId);
		long updatesBefore = applicantVariableUpdates(filingId);

		logIn("shanghai");
		openTask(review, "Field_show_orgName");
		claimOpenTask(review, "shanghai");
		WebElement heading = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'fjs-form-field-text')]//h3[contains(.,'申请号')]")));
		assertThat(heading.getText()).isEqualTo("申请号：" + applicationNo);
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(value("Field_show_workFoundation")).isEqualTo(workFoundation);
		assertThat(tableRows("Table_teamMembers")).containsExactly(List.of("王五", "部门主任", "专职", PAYLOAD),
				List.of("赵六", "专利分析师", "兼职", "具有专利代理师资格。"), List.of("张三", "馆长", "专职", "主持知识产权信息服务工作。"),
				List.of("孙七", "检索员", "专职", "负责专利和商标信息检索。"), List.of("周八", "培训专员", "专职", "负责知识产权宣传培训。"),
				List.of("吴九", "咨询专员", "专职", "负责知识产权咨询服务。"), List.of("钱一", "分析师", "专职", "负责专利分析。"));
		assertThat(tableRows("Table_typicalCases"))
			.containsExactly(List.of("新能源汽车产业专利导航", "2024年3月至12月", "案例" + PAYLOAD));
		assertNothingRendered(3);
		screenshot("preliminary-review-top");
		scrollTo(driver.findElement(By.xpath("//h4[normalize-space(.)='三、服务团队人员情况']")));
		screenshot("preliminary-review-team-and-cases");

		chooseRadio("推荐");
		type("recommenderOpinion", "材料齐全，同意推荐。");
		type("recommenderHead", "陈处长");
		completeOpenTask(review);

		assertThat(applicantVariables(filingId)).as("the review wrote none of the applicant's data back")
			.isEqualTo(before);
		assertThat(applicantVariableUpdates(filingId)).as("updates of the applicant's variables")
			.isEqualTo(updatesBefore);
		assertThat(runtime.getVariable(filingId, "recommendation")).isEqualTo("RECOMMEND");
		signOut();

		// CNIPA reads the same application, and the recommender's opinion, as typed.
		runJobs(filingId);
		Task national = task(filingId, "cnipaReview");
		logIn("cnipa");
		openTask(national, "Field_show_orgName");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(value("Field_show_workFoundation")).isEqualTo(workFoundation);
		assertThat(value("Field_show_recommenderOpinion")).isEqualTo("材料齐全，同意推荐。");
		assertThat(tableRows("Table_teamMembers")).hasSize(7).first().isEqualTo(List.of("王五", "部门主任", "专职", PAYLOAD));
		assertThat(tableRows("Table_typicalCases")).hasSize(1);
		assertNothingRendered(4);
		scrollTo(driver.findElement(By.xpath("//h4[normalize-space(.)='三、服务团队人员情况']")));
		screenshot("cnipa-review-team-and-cases");
	}

	@Test
	void Art10_Art17_outletsReportsReachTheReviewersAsPlainText() {
		String orgName = "钓鱼网点" + ThreadLocalRandom.current().nextInt(100000, 999999) + PAYLOAD;
		String filingNo = fileOutlet(orgName);
		String lifecycleId = runtime.createProcessInstanceQuery()
			.processDefinitionKey(OUTLET_LIFECYCLE)
			.processInstanceBusinessKey(filingNo)
			.singleResult()
			.getId();

		// Art. 17: CNIPA's order reaches the outlet, its report reaches CNIPA, both as typed.
		String reason = "整改原因" + PAYLOAD;
		messages.orderRectification(filingNo, reason);
		runJobs(lifecycleId);
		Task submit = task(lifecycleId, TaskKeys.SUBMIT_RECTIFICATION_REPORT);
		logIn("applicant");
		openTask(submit, "Field_show_rectificationReason");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(value("Field_show_rectificationReason")).isEqualTo(reason);
		assertThat(driver.findElements(component("Field_show_verificationOpinion")))
			.as("no earlier verification opinion, no field").isEmpty();
		assertNothingRendered(2);
		screenshot("submit-rectification-report");
		signOut();

		String report = "整改报告" + PAYLOAD;
		tasks.complete(submit.getId(), Map.of(LifecycleVariables.RECTIFICATION_REPORT, report));
		runJobs(lifecycleId);
		Task verify = task(lifecycleId, TaskKeys.VERIFY_RECTIFICATION);
		logIn("cnipa");
		openTask(verify, "Field_show_rectificationReport");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(value("Field_show_rectificationReason")).isEqualTo(reason);
		assertThat(value("Field_show_rectificationReport")).isEqualTo(report);
		assertNothingRendered(3);
		screenshot("verify-rectification");
		signOut();

		// Art. 10: a reported change is listed for the recommender as typed.
		String address = "新地址" + PAYLOAD;
		messages.reportChange(filingNo, Map.of("address", address));
		runJobs(lifecycleId);
		Task change = task(lifecycleId, TaskKeys.REVIEW_CHANGE_REPORT);
		logIn("shanghai");
		openTask(change, "Field_show_changeSummary");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(value("Field_show_changeSummary")).contains("地址：某市某路1号 → " + address);
		assertNothingRendered(2);
		screenshot("review-change-report");
	}

	@Test
	void Art9_Art17_renewalAndAnnualSummaryFormsShowTheOutletsTextLiterally() {
		String orgName = "钓鱼网点" + ThreadLocalRandom.current().nextInt(100000, 999999) + PAYLOAD;
		String filingNo = fileOutlet(orgName);
		String lifecycleId = runtime.createProcessInstanceQuery()
			.processDefinitionKey(OUTLET_LIFECYCLE)
			.processInstanceBusinessKey(filingNo)
			.singleResult()
			.getId();

		// Art. 17: the annual summary, as the outlet sends it and as its recommender reads it.
		fireTimer(lifecycleId, "Timer_SummaryOpens");
		Task submit = task(lifecycleId, TaskKeys.SUBMIT_ANNUAL_SUMMARY);
		logIn("applicant");
		openTask(submit, "Field_show_orgName");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertNothingRendered(1);
		screenshot("submit-annual-summary");
		signOut();
		String summary = "年度总结" + PAYLOAD;
		tasks.complete(submit.getId(), Map.of(LifecycleVariables.ANNUAL_SUMMARY, summary));
		runJobs(lifecycleId);
		Task review = task(lifecycleId, TaskKeys.REVIEW_ANNUAL_SUMMARY);
		logIn("shanghai");
		openTask(review, "Field_show_annualSummary");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(value("Field_show_annualSummary")).isEqualTo(summary);
		assertNothingRendered(2);
		screenshot("review-annual-summary");
		signOut();

		// The recommender's yearly aggregate lists the outlet by its name, as typed.
		int reportYear = (Integer) runtime.getVariable(lifecycleId, LifecycleVariables.SUMMARY_YEAR) + 1;
		String report = reports.start(reportYear).getId();
		try {
			Task aggregate = tasks.createTaskQuery().processInstanceId(report).taskCandidateGroup("recommender-310000")
				.singleResult();
			assertThat(aggregate).as("Shanghai's aggregate").isNotNull();
			logIn("shanghai");
			openTask(aggregate, "Field_show_summaryOverview");
			assertThat(value("Field_show_summaryOverview")).contains(filingNo + " " + orgName + "：");
			assertNothingRendered(1);
			screenshot("aggregate-annual-report");
			signOut();
		}
		finally {
			runtime.deleteProcessInstance(report, "browser test done");
		}

		// Art. 9: the renewal application reaches the recommender and CNIPA as typed, with the recommender's opinion.
		fireTimer(lifecycleId, "Timer_RenewalWindow");
		Task apply = task(lifecycleId, TaskKeys.APPLY_FOR_RENEWAL);
		logIn("applicant");
		openTask(apply, "Field_show_orgName");
		assertThat(value("Field_show_orgName")).isEqualTo(orgName);
		assertThat(driver.findElements(component("Field_show_renewalReviewOpinion")))
			.as("no recommender's opinion yet, no field").isEmpty();
		assertNothingRendered(1);
		screenshot("apply-for-renewal");
		signOut();
		String work = "工作情况" + PAYLOAD;
		String plan = "发展规划" + PAYLOAD;
		tasks.complete(apply.getId(), Map.of("staffTotal", 12, "staffFullTime", 6, "workFoundation", work,
				"developmentPlan", plan, "declarationTruthful", true, "independentLegalEntity", true));
		runJobs(lifecycleId);
		Task reviewRenewal = task(lifecycleId, TaskKeys.REVIEW_RENEWAL);
		logIn("shanghai");
		openTask(reviewRenewal, "Field_show_workFoundation");
		assertThat(value("Field_show_staffTotal")).isEqualTo("12");
		assertThat(value("Field_show_staffFullTime")).isEqualTo("6");
		assertThat(value("Field_show_workFoundation")).isEqualTo(work);
		assertThat(value("Field_show_developmentPlan")).isEqualTo(plan);
		assertNothingRendered(3);
		screenshot("review-renewal");
		signOut();
		String opinion = "推荐续期" + PAYLOAD;
		tasks.complete(reviewRenewal.getId(), Map.of(LifecycleVariables.RENEWAL_RECOMMENDED, "true",
				LifecycleVariables.RENEWAL_REVIEW_OPINION, opinion));
		runJobs(lifecycleId);
		Task approve = task(lifecycleId, TaskKeys.APPROVE_RENEWAL);
		logIn("cnipa");
		openTask(approve, "Field_show_renewalReviewOpinion");
		assertThat(value("Field_show_renewalReviewOpinion")).isEqualTo(opinion);
		assertThat(value("Field_show_workFoundation")).isEqualTo(work);
		assertThat(value("Field_show_developmentPlan")).isEqualTo(plan);
		assertNothingRendered(4);
		screenshot("approve-renewal");
	}

	// --- what the page shows ----------------------------------------------------------------------

	/** form-js gives a component the id {@code fjs-form-<form>-<component id>}. */
	private static By component(String id) {
		return By.cssSelector("[id^='fjs-form-'][id$='-" + id + "']");
	}

	private String value(String componentId) {
		WebElement field = driver.findElement(component(componentId));
		assertThat(field.getDomProperty("disabled")).as(componentId + " disabled").isEqualTo("true");
		return field.getDomProperty("value");
	}

	private List<List<String>> tableRows(String tableId) {
		List<List<String>> rows = new ArrayList<>();
		for (WebElement row : driver.findElement(component(tableId)).findElements(By.cssSelector("tbody tr"))) {
			rows.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
		}
		return rows;
	}

	/**
	 * No link to the phishing address, no bold "x", no markup from the payload in the rendered form, and at least
	 * {@code literalPlaces} places (fields, cells) that show the payload as typed.
	 */
	private void assertNothingRendered(int literalPlaces) {
		WebElement form = driver.findElement(By.cssSelector(".fjs-container"));
		assertThat(form.findElements(By.cssSelector("a[href*='evil.example']"))).as("links to evil.example").isEmpty();
		assertThat(form.findElements(By.xpath(".//b[normalize-space(.)='x'] | .//strong[normalize-space(.)='x']")))
			.as("the applicant's <b>x</b> as markup").isEmpty();
		assertThat(form.getText()).as("Markdown left unrendered in the form's own texts").doesNotContain("**");
		String html = form.getDomProperty("innerHTML");
		assertThat(html).doesNotContain("<a href=\"http://evil.example\"").doesNotContain(BOLD);
		Object shown = ((JavascriptExecutor) driver).executeScript(
				"const payload = arguments[1]; let n = 0;"
						+ "arguments[0].querySelectorAll('input, textarea').forEach(f => { if (f.value.includes(payload)) n++; });"
						+ "arguments[0].querySelectorAll('td').forEach(td => { if (td.textContent.includes(payload)) n++; });"
						+ "return n;",
				form, PAYLOAD);
		assertThat(((Number) shown).intValue()).as("places showing the payload literally")
			.isGreaterThanOrEqualTo(literalPlaces);
	}

	// --- browser steps ----------------------------------------------------------------------------

	/**
	 * Logs in through Tasklist's login page. On this busy machine the page now and then answers 登录失败 to the right
	 * password (the demo users' password is their id); the page is then loaded afresh and the login tried again.
	 */
	private void logIn(String user) {
		for (int attempt = 1;; attempt++) {
			if (tryLogIn(user)) {
				return;
			}
			if (attempt == 3) {
				fail("Tasklist refused the login of " + user + " three times");
			}
			signOut();
		}
	}

	private boolean tryLogIn(String user) {
		chromium.submitLogin(chromium.loginPage(base(), "tasklist", PAGE_LOAD), user);
		By refused = By.xpath("//*[contains(@class,'alert-danger')][contains(., '登录失败')]");
		wait.until(ExpectedConditions.or(
				ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")),
				ExpectedConditions.visibilityOfElementLocated(refused)));
		return driver.findElements(refused).isEmpty();
	}

	private void signOut() {
		if (chromium != null) {
			chromium.signOut(base());
		}
	}

	/** Tasklist opens a task from its address ({@code ?task=<id>}); the form has rendered once the field shows. */
	private void openTask(Task task, String componentId) {
		driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
		new WebDriverWait(driver, PAGE_LOAD, Duration.ofMillis(200))
			.until(ExpectedConditions.visibilityOfElementLocated(component(componentId)));
	}

	private void claimOpenTask(Task task, String user) {
		WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class,'task-details')]//*[self::button or self::a][normalize-space(.)='认领']")));
		claim.click();
		wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).taskAssignee(user).count() == 1);
	}

	private void chooseRadio(String label) {
		WebElement radio = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='" + label + "']//input")));
		scrollTo(radio);
		radio.click();
		wait.until(ExpectedConditions.elementSelectionStateToBe(radio, true));
	}

	private void type(String key, String text) {
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(component("Field_" + key)));
		scrollTo(input);
		input.clear();
		input.sendKeys(text);
		chromium.script("arguments[0].blur();", input);
		wait.until(d -> text.equals(input.getDomProperty("value")));
	}

	private void completeOpenTask(Task task) {
		WebElement complete = wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
		scrollTo(complete);
		complete.click();
		wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
	}

	private void scrollTo(WebElement element) {
		chromium.script("arguments[0].scrollIntoView({block: 'start'});", element);
	}

	private void screenshot(String name) {
		chromium.screenshot(name);
	}

	private String base() {
		return "http://localhost:" + port;
	}

	// --- engine steps -----------------------------------------------------------------------------

	/** The start-form submission Tasklist makes, as the user. */
	private String submitStartFormAs(String user, Map<String, Object> variables) {
		variables.remove("applicant");
		String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("outlet-filing")
			.latestVersion().singleResult().getId();
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			return forms.submitStartForm(definitionId, variables).getId();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/** A filed outlet of Shanghai worked by the demo user {@code applicant}, its lifecycle started as registration does. */
	private String fileOutlet(String orgName) {
		String unique = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
		String filingNo = "PT-" + unique;
		String uscc = FilingFixtures.newUscc();
		LocalDate validFrom = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails(orgName, "UNIVERSITY", "事业单位", "310000", "某市某路1号", null, null,
				"张三", "李四", "021-64000000", "contact@example.org", "企业", List.of("CONSULTATION", "SEARCH", "TRAINING"),
				List.of("PATENT"));
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, uscc, details, "310000", "applicant", validFrom,
				validUntil, Instant.now()));
		runtime.startProcessInstanceByKey(OUTLET_LIFECYCLE, filingNo,
				Map.of("filingNo", filingNo, "applicationNo", "APP-" + filingNo, "uscc", uscc, "orgName", orgName,
						"recommenderId", "310000", "province", "310000", "outletUser", "applicant", "validFrom",
						validFrom.toString(), "validUntil", validUntil.toString()));
		return filingNo;
	}

	/** The applicant's free-text variables as text (Json lists by their Json). */
	private Map<String, String> applicantVariables(String processInstanceId) {
		Map<String, String> values = new TreeMap<>();
		runtime.getVariables(processInstanceId, APPLICANT_TEXT).forEach((name, value) -> values.put(name,
				String.valueOf(value)));
		assertThat(values).containsOnlyKeys(APPLICANT_TEXT);
		return values;
	}

	/** How often the applicant's variables were written in this filing (history level full records each write). */
	private long applicantVariableUpdates(String processInstanceId) {
		return history.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates().list()
			.stream()
			.filter(d -> APPLICANT_TEXT.contains(((HistoricVariableUpdate) d).getVariableName()))
			.count();
	}

	private Task task(String processInstanceId, String key) {
		Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
		assertThat(task).as("task %s", key).isNotNull();
		return task;
	}

	private void runJobs(String processInstanceId) {
		Jobs.runDue(management, processInstanceId);
	}

	/** Fires a timer of the instance now, before its date (the forms, not the dates, are under test here). */
	private void fireTimer(String processInstanceId, String activityId) {
		var timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
		assertThat(timer).as("timer %s", activityId).isNotNull();
		management.executeJob(timer.getId());
		runJobs(processInstanceId);
	}

}
