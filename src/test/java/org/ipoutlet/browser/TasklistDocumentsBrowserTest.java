package org.ipoutlet.browser;

import org.ipoutlet.ProcessKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.Jobs;
import org.ipoutlet.document.TestDocuments;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents from Tasklist itself, in real Chromium (README, "The 备案表 document"): the applicant
 * attaches the sealed 备案表 scan and the work rules in 我的备案申请 (a refused file shows the server's
 * Chinese message and is not stored), sees them listed, and the recommender opens the scan from the
 * 备案材料 tab of its 初审和推荐 task.
 */
@WebTest
class TasklistDocumentsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path files;

	@Test
	void theApplicantAttachesInTasklistAndTheRecommenderOpensTheScanFromItsTask() throws Exception {
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.remove(APPLICANT);
		application.remove(WORK_RULES);
		application.remove(SEALED_FORM);
		identity.setAuthentication("applicant", List.of("outlets"));
		ProcessInstance pi;
		try {
			pi = runtime.startProcessInstanceByKey(ProcessKeys.OUTLET_FILING, application);
		}
		finally {
			identity.clearAuthentication();
		}
		Jobs.runDue(management, pi.getId());
		String no = pi.getBusinessKey();
		// Art. 6: without both documents the application waits in the applicant's step, not at the recommender.
		Task attach = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("attachDocuments")
			.singleResult();
		assertThat(attach).as("setup").isNotNull();
		assertThat(attach.getAssignee()).isEqualTo("applicant");
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("preliminaryReview").count())
			.isZero();

		Path scan = Files.write(files.resolve("备案表-盖章.png"), TestDocuments.PNG);
		Path fake = Files.write(files.resolve("工作制度.pdf"), TestDocuments.HTML);
		Path rules = Files.write(files.resolve("工作制度.docx"), TestDocuments.DOCX);
		String base = "http://localhost:" + port;

		try (Chromium browser = Chromium.start("documents")) {
			browser.logIn(base, "applicant", "tasklist");
			WebElement toggle = browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
					"a.outlet-my-applications-toggle")));
			assertThat(toggle.getText()).isEqualTo("我的备案申请");
			// The applicant's task 上传备案材料, its 备案材料 tab with the file pickers.
			browser.driver.get(base + "/camunda/app/tasklist/default/#/?task=" + attach.getId()
					+ "&detailsTab=outlet-documents.task");
			By box = By.cssSelector(".outlet-documents[data-application-no='" + no + "']");
			new WebDriverWait(browser.driver, Duration.ofSeconds(60), Duration.ofMillis(250))
				.until(ExpectedConditions.visibilityOfElementLocated(box));
			assertThat(browser.driver.findElement(box).getText()).contains("尚缺", "盖章备案表扫描件", "相关工作制度", "下载备案表");

			browser.driver.findElement(box).findElement(By.cssSelector("input.outlet-upload-workRules"))
				.sendKeys(fake.toString());
			browser.wait.until(d -> d.findElement(box).getText().contains("上传失败"));
			assertThat(browser.driver.findElement(box).getText()).contains("相关工作制度：文件内容不是允许的格式");
			assertThat(stored(no)).as("the refused file is not stored").isZero();

			browser.driver.findElement(box).findElement(By.cssSelector("input.outlet-upload-sealedForm"))
				.sendKeys(scan.toString());
			By scanLink = By.cssSelector(".outlet-documents[data-application-no='" + no + "'] li[data-field=sealedForm] a.outlet-document-link");
			browser.wait.until(ExpectedConditions.textToBe(scanLink, "备案表-盖章.png"));
			browser.driver.findElement(box).findElement(By.cssSelector("input.outlet-upload-workRules"))
				.sendKeys(rules.toString());
			By rulesLink = By.cssSelector(".outlet-documents[data-application-no='" + no + "'] li[data-field=workRules] a.outlet-document-link");
			browser.wait.until(ExpectedConditions.textToBe(rulesLink, "工作制度.docx"));
			assertThat(browser.driver.findElement(box).getText()).doesNotContain("尚缺");
			browser.screenshot("applicant-attached");
			assertThat(jdbc.queryForList("select route from filing_document where application_no = ?", String.class, no))
				.containsExactly("TASKLIST", "TASKLIST");
			browser.signOut(base);
			// Both documents are there: the application went on to the recommender.
			Jobs.runDue(management, pi.getId());
			Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("preliminaryReview")
				.singleResult();
			assertThat(review).as("the recommender's review, once both documents are there").isNotNull();

			browser.logIn(base, "shanghai", "tasklist");
			browser.driver.get(base + "/camunda/app/tasklist/default/#/?task=" + review.getId()
					+ "&detailsTab=outlet-documents.task");
			By tabLink = By.cssSelector(".outlet-documents li[data-field=sealedForm] a.outlet-document-link");
			WebElement link = new WebDriverWait(browser.driver, Duration.ofSeconds(60), Duration.ofMillis(250))
				.until(ExpectedConditions.elementToBeClickable(tabLink));
			assertThat(link.getText()).isEqualTo("备案表-盖章.png");
			assertThat(browser.driver.findElement(By.cssSelector(".outlet-documents")).getText())
				.contains("申请号 " + no, "相关工作制度", "下载备案表");
			browser.screenshot("reviewer-documents-tab");
			link.click();
			Path downloaded = browser.downloads().resolve("备案表-盖章.png");
			browser.wait.until(d -> Files.exists(downloaded) && sameContent(downloaded));
			assertThat(Files.readAllBytes(downloaded)).isEqualTo(TestDocuments.PNG);
		}
	}

	private static boolean sameContent(Path file) {
		try {
			return java.util.Arrays.equals(Files.readAllBytes(file), TestDocuments.PNG);
		}
		catch (java.io.IOException e) {
			return false;
		}
	}

	private int stored(String applicationNo) {
		return jdbc.queryForObject("select count(*) from filing_document where application_no = ?", Integer.class,
				applicationNo);
	}

}
