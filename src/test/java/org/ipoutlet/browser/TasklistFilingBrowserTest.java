package org.ipoutlet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.filing.TestProvincialRegister;
import org.ipoutlet.identity.TasklistFilters;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.validation.JsonValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A filing walked through the real Camunda Tasklist in headless Chromium with a Chinese browser: the applicant
 * fills the Camunda Form of the 备案表 (Art. 6), only the chosen recommender sees the preliminary review (Art. 7(二)),
 * CNIPA approves, and after publicity the outlet is on the public register (Art. 7(三), 8). Needs the Debian
 * packages chromium, chromium-driver and fonts-noto-cjk. Screenshots go to target/screenshots.
 */
@WebTest
class TasklistFilingBrowserTest {

	private static final String PROCESS_NAME = "国家知识产权信息公共服务网点备案";
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

	private WebDriverWait wait;

	/** On failure, the page as the browser had it (before {@link #logOut()} leaves it). */
	@RegisterExtension
	final AfterTestExecutionCallback dumpOnFailure = Chromium.dumpOnFailure(() -> chromium);

	@BeforeAll
	static void startChromium() throws IOException {
		chromium = Chromium.start(TasklistFilingBrowserTest.class.getSimpleName());
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

	private void attachDocuments(String applicationNo) {
		try {
			attach(applicationNo);
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private void attach(String applicationNo) throws java.io.IOException, InterruptedException {
		var http = java.net.http.HttpClient.newHttpClient();
		for (var document : Map.of("sealedForm", org.ipoutlet.document.TestDocuments.PDF, "workRules",
				org.ipoutlet.document.TestDocuments.DOCX).entrySet()) {
			String name = document.getKey().equals("sealedForm") ? "scan.pdf" : "rules.docx";
			var response = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/filings/" + applicationNo + "/documents/"
						+ document.getKey() + "?fileName=" + name))
				.header("Authorization", org.ipoutlet.web.ApiClient.basic("applicant", "applicant"))
				.header("Content-Type", "application/octet-stream")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(document.getValue()))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		}
	}

	@Test
	void Art7_filingWalkedThroughTasklistEndsOnThePublicRegister() {
		String orgName = "浏览器测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + "大学图书馆";
		String uscc = FilingFixtures.newUscc();
		TestProvincialRegister.register(uscc, "310000");

		// The applicant starts the filing from 启动流程 and fills the 备案表.
		logIn("applicant", "tasklist");
		openStartForm();
		fillApplication(orgName, uscc);
		screenshot("applicant-form-filled");
		// Tasklist 7.24 with form-js 1.8 would keep 启动 disabled after a dynamic list was edited (empty
		// error entries); tasklist/custom/dynamic-list-validity.js prunes them, so the applicant can start.
		WebElement start = driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']"));
		assertThat(start.getText()).isEqualTo("启动");
		assertThat(driver.findElements(By.cssSelector("[aria-invalid='true']"))).as("fields in error").isEmpty();
		wait.until(ExpectedConditions.elementToBeClickable(start));
		scrollTo(start);
		start.click();
		wait.until(d -> history.createHistoricProcessInstanceQuery().processDefinitionKey("outlet-filing")
			.variableValueEquals("uscc", uscc).count() == 1);
		HistoricProcessInstance filing = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey("outlet-filing")
			.variableValueEquals("uscc", uscc)
			.singleResult();
		assertThat(filing).as("the instance started from Tasklist").isNotNull();
		assertThat(filing.getBusinessKey()).matches("SQ-\\d{4}-\\d{6}");
		assertThat(filing.getStartUserId()).isEqualTo("applicant");
		Map<String, Object> submitted = runtime.getVariables(filing.getId());
		assertThat(submitted).containsEntry("orgName", orgName)
			.containsEntry("orgCategory", "UNIVERSITY")
			.containsEntry("independentLegalEntity", true)
			.containsEntry("staffTotal", 12)
			.containsEntry("province", "310000")
			.containsEntry("recommenderId", "310000")
			.doesNotContainKey("provincialOutlet")
			.containsEntry("declarationTruthful", true);
		assertThat(JsonValues.codes(submitted.get("serviceItems"))).containsExactlyInAnyOrder("CONSULTATION", "SEARCH",
				"TRAINING");
		assertThat(submitted.get("serviceItemList").toString()).contains("专利政策咨询窗口", "FREE", "TRADEMARK",
				"TRAINING");
		assertThat(JsonValues.codes(submitted.get("ipCategories"))).containsExactlyInAnyOrder("PATENT", "TRADEMARK");
		assertThat(submitted.get("teamMembers").toString()).contains("王五", "赵六", "专利分析师");
		assertThat(submitted.get("typicalCases").toString()).contains("新能源汽车产业专利导航");
		signOut();

		runJobs(filing.getId());
		// Art. 6: without both documents there is no recommendation. Tasklist's start form carries no files,
		// so the application waits in the applicant's 上传备案材料; the applicant attaches them (in Tasklist,
		// see TasklistDocumentsBrowserTest; here through the API), which sends it on to the recommender.
		assertThat(task(filing.getId(), "attachDocuments").getAssignee()).isEqualTo("applicant");
		attachDocuments(filing.getBusinessKey());
		runJobs(filing.getId());
		Task preliminary = task(filing.getId(), "preliminaryReview");

		// Beijing is not the chosen recommender: the task is not in its department's list.
		logIn("beijing", "tasklist");
		openFilter(TasklistFilters.DEPARTMENT);
		assertThat(driver.findElements(taskLink(preliminary))).as("beijing sees Shanghai's task").isEmpty();
		screenshot("beijing-department-tasks");
		signOut();

		// Shanghai claims it, recommends with an opinion and completes it.
		logIn("shanghai", "tasklist");
		openFilter(TasklistFilters.DEPARTMENT);
		wait.until(ExpectedConditions.elementToBeClickable(taskLink(preliminary))).click();
		claimOpenTask(preliminary, "shanghai");
		chooseRadio("推荐");
		type("recommenderOpinion", "材料齐全，符合备案条件，同意推荐。");
		type("recommenderHead", "陈处长");
		screenshot("shanghai-review");
		completeOpenTask(preliminary);
		assertThat(runtime.getVariables(filing.getId())).containsEntry("recommendation", "RECOMMEND")
			.containsEntry("recommenderOpinion", "材料齐全，符合备案条件，同意推荐。")
			.containsEntry("recommenderHead", "陈处长");
		signOut();

		runJobs(filing.getId());
		Task national = task(filing.getId(), "cnipaReview");

		// CNIPA approves.
		logIn("cnipa", "tasklist");
		openFilter(TasklistFilters.DEPARTMENT);
		wait.until(ExpectedConditions.elementToBeClickable(taskLink(national))).click();
		claimOpenTask(national, "cnipa");
		chooseRadio("准予备案");
		type("cnipaOpinion", "符合备案条件，予以公示。");
		type("cnipaHead", "刘司长");
		screenshot("cnipa-review");
		completeOpenTask(national);
		signOut();
		runJobs(filing.getId());

		// Publicity ends without objection: the outlet is filed and on the public register.
		String publicityEndsAt = (String) runtime.getVariable(filing.getId(), "publicityEndsAt");
		assertThat(publicityEndsAt).as("in publicity").isNotNull();
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(publicityEndsAt).plusHours(1).toInstant()));
		runJobs(filing.getId());
		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(filing.getId()).singleResult()
			.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);

		driver.get(base() + "/outlets?q=" + orgName);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.outlet")));
		screenshot("public-register");
		assertThat(driver.getTitle()).isEqualTo("国家知识产权信息公共服务网点名录");
		List<WebElement> outlets = driver.findElements(By.cssSelector("li.outlet"));
		assertThat(outlets).hasSize(1);
		assertThat(outlets.get(0).findElement(By.cssSelector(".org-name")).getText()).isEqualTo(orgName);
		assertThat(outlets.get(0).findElement(By.cssSelector(".status")).getText()).isEqualTo("有效");
	}

	@Test
	void auditorSeesTheFilingProcessInCockpit() {
		logIn("auditor", "cockpit");
		driver.get(base() + "/camunda/app/cockpit/default/#/processes");
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//a[normalize-space(.)='" + PROCESS_NAME + "']")));
		screenshot("auditor-cockpit-processes");
	}

	@Test
	void Art6_wrongUsccCheckCharacterIsRefusedInTasklistWithTheServersChineseError() {
		String orgName = "校验码测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + "研究所";
		String uscc = FilingFixtures.newUscc();
		TestProvincialRegister.register(uscc, "310000");
		char check = uscc.charAt(17);
		String wrong = uscc.substring(0, 17) + (check == '0' ? '1' : '0');
		// Returned for supplement: the applicant corrects the 备案表 in the same form, under the same rules.
		String filingId = submitStartFormAs("applicant", orgName, uscc);
		runJobs(filingId);
		tasks.complete(task(filingId, "preliminaryReview").getId(),
				Map.of("recommendation", "RETURN", "recommenderOpinion", "请补充典型案例材料。", "recommenderHead", "陈处长"));
		runJobs(filingId);
		Task supplement = task(filingId, "supplementMaterials");

		logIn("applicant", "tasklist");
		openFilter(TasklistFilters.MINE);
		wait.until(ExpectedConditions.elementToBeClickable(taskLink(supplement))).click();
		type("uscc", wrong);
		saveOpenTask();
		screenshot("applicant-wrong-uscc");
		WebElement complete = wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
		assertThat(complete.getText()).isEqualTo("完成");
		scrollTo(complete);
		complete.click();
		WebElement error = waitForNotification("校验码错误");
		screenshot("applicant-uscc-refused");
		assertThat(error.getText()).contains("统一社会信用代码", "校验码错误");

		assertThat(tasks.createTaskQuery().taskId(supplement.getId()).count()).as("task still open").isOne();
		assertThat(runtime.getVariable(filingId, "uscc")).isEqualTo(uscc);
	}

	// --- browser steps -------------------------------------------------------------------------------

	/** The first page a fresh browser loads fetches every script of the webapp: on a busy machine that takes long. */
	private static boolean warm;

	private void logIn(String user, String app) {
		WebElement button = chromium.loginPage(base(), app, warm ? Chromium.WAIT : Duration.ofSeconds(120));
		warm = true;
		if (!"cockpit".equals(app)) {
			assertThat(button.getText()).as("the login page of %s speaks Chinese", app).isEqualTo("登录");
		}
		chromium.submitLogin(button, user);
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
	}

	private void signOut() {
		if (chromium != null) {
			chromium.signOut(base());
		}
	}

	private void openStartForm() {
		WebElement start = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.start-process-action a")));
		assertThat(start.getText()).contains("启动流程");
		start.click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText(PROCESS_NAME))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(field("orgName")));
	}

	private void fillApplication(String orgName, String uscc) {
		type("orgName", orgName);
		type("uscc", uscc);
		select("orgCategory", "高校");
		type("orgNature", "事业单位");
		check("independentLegalEntity");
		type("address", "上海市徐汇区某路100号");
		type("platformName", "知识产权信息服务平台");
		type("platformUrl", "https://ip.example.edu.cn");
		type("headName", "张三");
		type("headTitle", "馆长");
		type("contactName", "李四");
		type("contactTitle", "主任");
		type("phone", "021-64000000");
		type("email", "ip@example.edu.cn");
		// Art. 5(一): five full-time staff, each listed in section 三 with the head among them.
		type("staffFullTime", "5");
		type("staffPartTime", "7");
		type("staffTotal", "12");
		type("serviceTargets", "高校师生、科研人员和区域内中小微企业");
		checkOption("serviceItems", "知识产权咨询服务（基础服务）");
		checkOption("serviceItems", "知识产权信息查询检索服务（基础服务）");
		checkOption("serviceItems", "知识产权宣传培训服务（基础服务）");
		checkOption("ipCategories", "专利");
		checkOption("ipCategories", "商标");
		search("province", "上海", "上海市");
		search("recommenderId", "上海", "上海市知识产权局");
		// The itemised 服务事项清单: one item for each ticked service (the first dynamic list).
		String[][] items = { { "专利政策咨询窗口", "知识产权咨询服务（基础服务）", "专利" },
				{ "商标信息检索指导", "知识产权信息查询检索服务（基础服务）", "商标" },
				{ "知识产权公开课", "知识产权宣传培训服务（基础服务）", "专利" } };
		for (int i = 0; i < items.length; i++) {
			if (i > 0) {
				addListItem(0);
			}
			type("item_name_" + i, items[i][0]);
			select("item_serviceCode_" + i, items[i][1]);
			select("item_ipCategory_" + i, items[i][2]);
			chooseFirstRadio("item_cost_" + i);
			type("item_description_" + i, items[i][0] + "：面向高校师生和企业免费提供。");
		}
		type("workFoundation", "具备专利检索分析数据库和专职服务团队，已开展多年知识产权信息服务。");
		String[][] team = { { "张三", "馆长", "主持图书馆知识产权信息服务工作十五年。" }, { "王五", "部门主任", "从事专利信息检索分析十年。" },
				{ "赵六", "专利分析师", "具有专利代理师资格。" }, { "孙七", "检索员", "负责专利和商标信息检索。" },
				{ "周八", "培训专员", "负责知识产权宣传培训。" } };
		for (int i = 0; i < team.length; i++) {
			if (i > 0) {
				addListItem(1);
			}
			type("member_name_" + i, team[i][0]);
			type("member_role_" + i, team[i][1]);
			check("member_fullTime_" + i);
			type("member_resume_" + i, team[i][2]);
		}
		type("developmentPlan", "完善服务体系，建设专题数据库，培养专业人才。");
		type("case_name_0", "新能源汽车产业专利导航");
		type("case_period_0", "2024年3月至12月");
		type("case_content_0", "为区域产业提供专利导航分析报告，支撑企业研发决策。");
		check("declarationTruthful");
		type("applicantOpinion", "本机构自愿申请备案，所填材料真实、合法。");
		type("applicantHead", "张三");
	}

	private static By field(String key) {
		return Chromium.field(key);
	}

	/** form-js commits typing on blur; a field re-rendered meanwhile is typed into again ({@link Chromium#type}). */
	private void type(String key, String text) {
		chromium.type(key, text);
	}

	private void check(String key) {
		WebElement box = wait.until(ExpectedConditions.elementToBeClickable(field(key)));
		scrollTo(box);
		if (!box.isSelected()) {
			box.click();
		}
		wait.until(ExpectedConditions.elementSelectionStateToBe(box, true));
	}

	private void checkOption(String key, String label) {
		WebElement box = driver.findElement(By.xpath("//label[normalize-space(.)='" + label
				+ "']/input[starts-with(@id,'fjs-form-') and contains(@id,'-Field_" + key + "-')]"));
		scrollTo(box);
		box.click();
		wait.until(ExpectedConditions.elementSelectionStateToBe(box, true));
	}

	/** A form-js select without search: open the list, pick the option. */
	private void select(String key, String label) {
		WebElement display = driver.findElement(By.cssSelector("[id^='fjs-form-'][id$='-Field_" + key + "-display']"));
		scrollTo(display);
		display.click();
		pick(label);
		wait.until(ExpectedConditions.textToBePresentInElement(display, label));
	}

	/** A searchable form-js select: type, then pick the option. */
	private void search(String key, String text, String label) {
		WebElement input = driver.findElement(field(key));
		scrollTo(input);
		input.click();
		input.sendKeys(text);
		pick(label);
		wait.until(ExpectedConditions.attributeToBe(input, "value", label));
	}

	private void pick(String label) {
		By option = By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']");
		wait.until(ExpectedConditions.elementToBeClickable(option)).click();
	}

	private void addListItem(int list) {
		WebElement add = driver.findElements(By.cssSelector("button.fjs-repeat-render-add")).get(list);
		scrollTo(add);
		add.click();
	}

	/** The first option of a radio group of a list item, e.g. 免费 of {@code item_cost_0}. */
	private void chooseFirstRadio(String key) {
		WebElement radio = wait.until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("input[type='radio'][id^='fjs-form-'][id$='-Field_" + key + "-0']")));
		scrollTo(radio);
		radio.click();
		wait.until(ExpectedConditions.elementSelectionStateToBe(radio, true));
	}

	private void chooseRadio(String label) {
		By option = By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space(.)='" + label + "']//input");
		// Tasklist may lay the form out again after a claim (the page moves under the pointer): scroll and
		// click again until the option is chosen.
		new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(250))
			.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> {
				WebElement radio = d.findElement(option);
				if (!radio.isSelected()) {
					scrollTo(radio);
					radio.click();
				}
				return radio.isSelected();
			});
	}

	private void openFilter(String name) {
		By filter = By.xpath("//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'" + name + "')]");
		wait.until(ExpectedConditions.elementToBeClickable(filter)).click();
		// The list has loaded once the filter is the active one and the list's loader is gone.
		wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
				"//div[contains(@class,'task-filter') and contains(@class,'active')]//a[contains(normalize-space(.),'"
						+ name + "')]")));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[cam-tasks] .loader")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks] [ng-if^='state.$loaded']")));
	}

	private static By taskLink(Task task) {
		return By.cssSelector("ol.tasks-list a[href*='task=" + task.getId() + "']");
	}

	private void claimOpenTask(Task task, String user) {
		WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class,'task-details')]//*[self::button or self::a][normalize-space(.)='认领']")));
		claim.click();
		wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).taskAssignee(user).count() == 1);
	}

	private void completeOpenTask(Task task) {
		WebElement complete = wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
		assertThat(complete.getText()).isEqualTo("完成");
		scrollTo(complete);
		complete.click();
		wait.until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
	}

	/** 保存 (save) makes form-js validate the whole form again, which clears stale dynamic-list error entries. */
	private void saveOpenTask() {
		WebElement save = wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='save($event)']")));
		assertThat(save.getText()).isEqualTo("保存");
		scrollTo(save);
		save.click();
	}

	private WebElement waitForNotification(String text) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class,'notification') or contains(@class,'alert')][contains(., '" + text
						+ "')]")));
	}

	private void scrollTo(WebElement element) {
		chromium.scrollTo(element);
	}

	private void screenshot(String name) {
		chromium.screenshot(name);
	}

	@Test
	void Art6_startFormWithAWrongUsccCheckCharacterIsRefusedWithTheServersChineseError() {
		String orgName = "启动校验测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + "研究所";
		String uscc = FilingFixtures.newUscc();
		TestProvincialRegister.register(uscc, "310000");
		String wrong = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
		long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey("outlet-filing").count();

		logIn("applicant", "tasklist");
		openStartForm();
		fillApplication(orgName, wrong);
		WebElement start = driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']"));
		wait.until(ExpectedConditions.elementToBeClickable(start));
		scrollTo(start);
		start.click();
		WebElement error = waitForNotification("校验码错误");
		screenshot("applicant-start-uscc-refused");
		assertThat(error.getText()).contains("统一社会信用代码", "校验码错误");
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("outlet-filing").count())
			.as("no instance is created").isEqualTo(instances);
	}

	private String base() {
		return "http://localhost:" + port;
	}

	// --- engine steps --------------------------------------------------------------------------------

	/** The start-form submission Tasklist makes (FormService, validated by the submission rules) as a user. */
	private String submitStartFormAs(String user, String orgName, String uscc) {
		Map<String, Object> variables = FilingFixtures.application(uscc);
		variables.put("orgName", orgName);
		variables.remove("applicant");
		String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey("outlet-filing")
			.latestVersion().singleResult().getId();
		identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
			.map(org.camunda.bpm.engine.identity.Group::getId).toList());
		try {
			return forms.submitStartForm(definitionId, variables).getId();
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

	private void runJobs(String processInstanceId) {
		Jobs.runDue(management, processInstanceId);
	}

}
