package org.ipoutlet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.tasklist.web.FilingScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reviewers' and applicants' views in Tasklist, in real Chromium with a Chinese browser (README, "Tasklist for
 * reviewers and applicants"): the recommender's 已办 shows its completed review (Art. 7(二)), the applicant's 我的申请
 * shows the filing at CNIPA's review with the recommender's opinion, and the 流程跟踪 tab of CNIPA's task shows the
 * recommender's step done on the diagram. Screenshots go to target/screenshots.
 */
@WebTest
class TasklistViewsBrowserTest {

	private static final String OPINION = "材料齐全，同意推荐。";

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	FormService forms;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	FilingScenario scenario;

	String orgName;

	String instanceId;

	String applicationNo;

	String reviewTaskId;

	/** On failure, the page as the browser had it. */
	@RegisterExtension
	final AfterTestExecutionCallback dumpOnFailure = Chromium.dumpOnFailure(() -> chromium);

	@BeforeAll
	static void startChromium() throws IOException {
		chromium = Chromium.start(TasklistViewsBrowserTest.class.getSimpleName());
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@BeforeEach
	void aFilingRecommendedByShanghai() {
		scenario = new FilingScenario(identity, forms, tasks, management, repository);
		orgName = "跟踪测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + "大学图书馆";
		// applicant2: the shared test context gives "applicant" many applications, some dated years ahead by other tests.
		instanceId = scenario.submit("applicant2", orgName);
		applicationNo = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
			.getBusinessKey();
		reviewTaskId = scenario.recommend(instanceId, OPINION);
	}

	@AfterEach
	void signOut() {
		chromium.signOut(base());
	}

	@Test
	void Art7_theRecommendersDoneListShowsItsCompletedReview() {
		chromium.logIn(base(), "shanghai", "tasklist");
		WebElement link = chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.ipo-views-done-link")));
		assertThat(link.getDomProperty("textContent")).isEqualTo("已办");
		link.click();
		WebElement row = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("tr.ipo-done-task[data-task='" + reviewTaskId + "']")));
		assertThat(text(row)).contains("初审和推荐", applicationNo, orgName, OPINION, "国家知识产权局审核", "待国家知识产权局办理");
		assertThat(text(row.findElement(By.cssSelector(".ipo-views-decision")))).isEqualTo("推荐");
		assertThat(text(chromium.driver.findElement(By.cssSelector(".ipo-views-done h2")))).isEqualTo("已办任务");
		// A recommender has no applications of its own: no 我的申请 entry.
		assertThat(chromium.driver.findElements(By.cssSelector("a.ipo-views-mine-link"))).isEmpty();
		assertOnlyReading();
		chromium.screenshot("done-shanghai");
	}

	@Test
	void Art7_theApplicantsApplicationsShowTheFilingAtCnipasReviewWithTheRecommendersOpinion() {
		chromium.logIn(base(), "applicant2", "tasklist");
		WebElement link = chromium.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.ipo-views-mine-link")));
		assertThat(link.getDomProperty("textContent")).isEqualTo("我的申请");
		link.click();
		WebElement card = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".ipo-mine-application[data-application='" + applicationNo + "']")));
		assertThat(text(card.findElement(By.cssSelector(".panel-heading")))).contains(applicationNo, orgName, "办理中");
		assertThat(text(card.findElement(By.cssSelector(".ipo-views-now")))).contains("国家知识产权局审核", "待国家知识产权局办理");
		WebElement review = card.findElement(By.cssSelector("tr.ipo-views-step[data-step='preliminaryReview']"));
		assertThat(text(review)).contains("初审和推荐", "上海市知识产权局", "推荐", OPINION).doesNotContain("shanghai");
		chromium.scrollTo(card);
		assertOnlyReading();
		chromium.screenshot("my-applications");
	}

	@Test
	void Art7_theTrailOfCnipasTaskShowsTheRecommendersStepDone() {
		String cnipaTask = scenario.task(instanceId, "cnipaReview").getId();
		chromium.logIn(base(), "cnipa", "tasklist");
		chromium.driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + cnipaTask + "&detailsTab=ipo-views-trail");
		WebElement tab = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='流程跟踪']")));
		tab.click();
		WebElement review = chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".ipo-views-trail tr.ipo-views-step[data-step='preliminaryReview']")));
		assertThat(text(review)).contains("初审和推荐", "上海市知识产权局", "shanghai", "推荐", OPINION);
		assertThat(text(chromium.driver.findElement(By.cssSelector(".ipo-views-trail .ipo-views-now"))))
			.contains("国家知识产权局审核");
		// The diagram: the recommender's step done, CNIPA's the current one, the refusal paths not taken.
		chromium.wait.until(d -> !d.findElements(By.cssSelector(".ipo-trail-diagram [data-element-id='preliminaryReview'].ipo-audit-done"))
			.isEmpty());
		assertThat(chromium.driver.findElements(By.cssSelector(".ipo-trail-diagram [data-element-id='cnipaReview'].ipo-audit-running")))
			.hasSize(1);
		assertThat(chromium.driver.findElements(By.cssSelector(".ipo-trail-diagram [data-element-id='supplementMaterials'].ipo-audit-done")))
			.isEmpty();
		assertOnlyReading();
		chromium.scrollTo(review);
		chromium.screenshot("trail-cnipa");
	}

	/** The views only read: no button but paging, every link one of the views' own. */
	private void assertOnlyReading() {
		List<String> buttons = chromium.driver.findElements(By.cssSelector(".ipo-views button"))
			.stream().map(this::text).map(String::trim).toList();
		assertThat(buttons).allSatisfy(b -> assertThat(List.of("上一页", "下一页")).contains(b));
		List<String> links = chromium.driver.findElements(By.cssSelector(".ipo-views a[href]"))
			.stream().map(a -> a.getDomAttribute("href")).toList();
		assertThat(links).allSatisfy(href -> assertThat(href).matches("https?://bpmn\\.io/?"));
	}

	private String text(WebElement element) {
		return element.getDomProperty("textContent");
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
