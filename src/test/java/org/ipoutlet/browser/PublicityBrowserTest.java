package org.ipoutlet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.security.SecuritySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 公示 in public (Art. 7(三), Art. 8; README "公示 is public"), in real Chromium without logging in: an application
 * appears on the register page and in {@code GET /api/publicity} once CNIPA approves it, an anonymous objection from
 * the page's form (no script) opens {@code handleObjection} with a Chinese receipt, objections over the rate or after the period are
 * refused in Chinese, and once filed the application leaves the 公示 for the 发布名单 of its decision date.
 */
@WebTest
class PublicityBrowserTest {

	private static Chromium chromium;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

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
	SecuritySettings settings;

	/** On failure, the page as the browser had it. */
	@RegisterExtension
	final AfterTestExecutionCallback dumpOnFailure = Chromium.dumpOnFailure(() -> chromium);

	@BeforeAll
	static void startChromium() throws IOException {
		chromium = Chromium.start(PublicityBrowserTest.class.getSimpleName());
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void Art7_publicityIsPublicObjectionsComeFromThePageAndTheFiledOutletIsAnnounced() throws Exception {
		identity.clearAuthentication();
		// Monday 2 March 2026: CNIPA approves; publicity runs 3–9 March.
		setClock("2026-03-02T09:00:00+08:00");
		String orgName = "公示测试" + ThreadLocalRandom.current().nextInt(100000, 999999) + "图书馆";
		String pi = approved(orgName);
		String applicationNo = runtime.getVariable(pi, APPLICATION_NO).toString();

		JsonNode listed = item(publicityApi(), applicationNo);
		assertThat(listed).as("GET /api/publicity lists it from CNIPA's approval").isNotNull();
		assertThat(listed.path("orgName").asText()).isEqualTo(orgName);
		assertThat(listed.path("province").asText()).isEqualTo("310000");
		assertThat(listed.path("provinceName").asText()).isEqualTo("上海市");
		assertThat(listed.path("publicityStart").asText()).isEqualTo("2026-03-03");
		assertThat(listed.path("publicityEnd").asText()).isEqualTo("2026-03-09");
		assertThat(listed.path("phase").asText()).isEqualTo("UPCOMING");

		useClientAddress(newAddress());
		chromium.driver.get(base() + "/outlets");
		WebElement candidate = candidate(applicationNo);
		assertThat(candidate.findElement(By.cssSelector(".org-name")).getText()).isEqualTo(orgName);
		assertThat(candidate.findElement(By.cssSelector(".phase")).getText()).isEqualTo("待公示");
		assertThat(candidate.findElement(By.cssSelector(".publicity-start")).getText()).isEqualTo("2026-03-03");
		assertThat(candidate.findElement(By.cssSelector(".publicity-end")).getText()).isEqualTo("2026-03-09");
		assertThat(candidate.findElement(By.cssSelector(".recommender")).getText()).contains("上海市知识产权局");
		assertThat(candidate.findElements(By.cssSelector(".service-items li")).stream().map(WebElement::getText))
			.containsExactly("知识产权咨询服务", "知识产权信息查询检索服务", "知识产权宣传培训服务", "中小微企业知识产权服务");
		chromium.screenshot("publicity-upcoming");

		// Wednesday 4 March, publicity running: an anonymous objection from the page (a plain form, no script).
		setClock("2026-03-04T10:00:00+08:00");
		chromium.driver.get(base() + "/outlets");
		assertThat(candidate(applicationNo).findElement(By.cssSelector(".phase")).getText()).isEqualTo("公示中");
		object(applicationNo, "该机构专职人员数量与实际不符", "");
		assertThat(receipt()).as("a contact is required").contains("异议未能提交").contains("异议人联系方式");
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").count()).isZero();
		chromium.driver.get(base() + "/outlets");
		object(applicationNo, "该机构专职人员数量与实际不符", "13800000000");
		assertThat(receipt()).contains("异议已收到").contains("已收到您对申请 " + applicationNo + " 的异议")
			.contains("2026-03-04 10:00");
		chromium.screenshot("publicity-objection-receipt");
		Task handle = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").singleResult();
		assertThat(handle).as("the objection opened handleObjection").isNotNull();
		assertThat(tasks.getVariable(handle.getId(), OBJECTION)).isEqualTo("该机构专职人员数量与实际不符");
		assertThat(tasks.getVariable(handle.getId(), OBJECTOR_CONTACT)).isEqualTo("13800000000");

		// Over the rate: this client has used up its objections (Bucket4j, README: Security).
		String address = currentAddress;
		for (long i = 0; i < settings.rateLimits().objections().capacity(); i++) {
			objectionOverHttp(address, "SQ-1999-000001");
		}
		chromium.driver.get(base() + "/outlets");
		object(applicationNo, "再次提交的异议", "13800000000");
		assertThat(receipt()).contains("提交异议过于频繁");
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").count())
			.isEqualTo(1);

		// Monday 9 March, the last day: still listed. The page stays open past midnight; the objection comes too late.
		useClientAddress(newAddress());
		setClock("2026-03-09T23:00:00+08:00");
		chromium.driver.get(base() + "/outlets");
		candidate(applicationNo);
		tasks.complete(handle.getId(), Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查，异议不成立", CNIPA_HEAD,
				"刘司长"));
		Jobs.runDue(management, pi);
		setClock("2026-03-10T00:00:01+08:00");
		object(applicationNo, "期满后的异议", "13900000000");
		assertThat(receipt()).contains("异议未能提交").contains("公示期外不受理异议");
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("handleObjection").count()).isZero();
		assertThat(item(publicityApi(), applicationNo)).as("the period has ended").isNull();

		// Filed on 10 March: gone from the 公示, announced in the 发布名单 of that date.
		Jobs.runDue(management, pi);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
		chromium.driver.get(base() + "/outlets");
		assertThat(chromium.driver.findElements(By.cssSelector("li.candidate[data-application-no='" + applicationNo + "']")))
			.isEmpty();
		WebElement announcement = chromium.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".announcement[data-decided-on='2026-03-10']")));
		assertThat(announcement.findElements(By.cssSelector(".org-name")).stream().map(WebElement::getText)).contains(orgName);
		chromium.screenshot("publicity-announced");
	}

	// --- helpers ---

	/** An application of Shanghai, recommended and approved by CNIPA (as the system, as the reviewers would). */
	private String approved(String orgName) {
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.put(ORG_NAME, orgName);
		String pi = runtime.startProcessInstanceByKey(org.ipoutlet.ProcessKeys.OUTLET_FILING, application).getId();
		Jobs.runDue(management, pi);
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐",
				RECOMMENDER_HEAD, "陈处长"));
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "符合备案条件，予以公示", CNIPA_HEAD,
				"刘司长"));
		return pi;
	}

	private void complete(String pi, String key, Map<String, Object> variables) {
		Task task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
		tasks.complete(task.getId(), new java.util.HashMap<>(variables));
		Jobs.runDue(management, pi);
	}

	private WebElement candidate(String applicationNo) {
		return chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("li.candidate[data-application-no='" + applicationNo + "']")));
	}

	/** Opens the candidate's objection form, types the objection and the contact, submits. */
	private void object(String applicationNo, String objection, String contact) {
		WebElement details = candidate(applicationNo).findElement(By.cssSelector("details.objection"));
		if (details.getAttribute("open") == null) {
			WebElement summary = details.findElement(By.tagName("summary"));
			chromium.scrollTo(summary);
			summary.click();
		}
		WebElement text = details.findElement(By.name("objection"));
		text.clear();
		text.sendKeys(objection);
		WebElement contactField = details.findElement(By.name("objectorContact"));
		contactField.clear();
		if (!contact.isEmpty()) {
			contactField.sendKeys(contact);
		}
		WebElement button = details.findElement(By.cssSelector("button[type=submit]"));
		button.click();
		chromium.wait.until(ExpectedConditions.stalenessOf(button));
	}

	/** The page the form's post answered with. */
	private String receipt() {
		return chromium.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("body"))).getText();
	}

	private String currentAddress;

	/** Every request of the browser comes from {@code address} (X-Forwarded-For from localhost, trusted in tests). */
	private void useClientAddress(String address) {
		currentAddress = address;
		chromium.driver.executeCdpCommand("Network.enable", Map.of());
		chromium.driver.executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", Map.of("X-Forwarded-For", address)));
	}

	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	private void objectionOverHttp(String address, String applicationNo) throws Exception {
		http.send(HttpRequest.newBuilder(URI.create(base() + "/api/filings/" + applicationNo + "/objections"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString("{\"objection\":\"x\",\"objectorContact\":\"y\"}"))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private JsonNode publicityApi() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/publicity"))
			.header("X-Forwarded-For", newAddress())
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as("no login needed").isEqualTo(200);
		return json.readTree(response.body());
	}

	private static JsonNode item(JsonNode list, String applicationNo) {
		for (JsonNode item : list) {
			if (applicationNo.equals(item.path("applicationNo").asText())) {
				return item;
			}
		}
		return null;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void setClock(String iso) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(iso).toInstant()));
	}

}
