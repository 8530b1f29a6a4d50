package org.ipoutlet.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The applicant's 备案表 start form in a Chinese browser (Art. 6): Camunda Forms' own validation messages and labels
 * are Chinese, each pattern's message says in words what is wrong, as the server's rules do
 * (tasklist/custom/form-messages-zh.js), and no regular expression is shown.
 */
@WebTest
class TasklistFormMessagesBrowserTest {

	private static final String PROCESS_NAME = "国家知识产权信息公共服务网点备案";

	private static Chromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws IOException {
		chromium = Chromium.start(TasklistFormMessagesBrowserTest.class.getSimpleName());
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
	void Art6_emptyRequiredFieldAndWrongUsccShowOnlyChineseMessages() {
		chromium.logIn(base(), "applicant", "tasklist");
		openStartForm();

		chromium.type("orgName", "某");
		chromium.empty("orgName");
		chromium.type("uscc", "91310000MA1FL0");
		chromium.type("phone", "12345");
		chromium.type("email", "not-an-address");
		chromium.script("arguments[0].scrollIntoView({block: 'start'});",
				chromium.driver.findElement(Chromium.field("orgName")));
		chromium.screenshot("start-form-errors");

		List<String> errors = errors();
		assertThat(errors).as("messages under the fields").hasSizeGreaterThanOrEqualTo(4)
			.contains("必填", "统一社会信用代码应为18位（现有14位）", "格式不正确，应为手机号码或带区号的固定电话",
					"格式不正确，应为电子邮箱地址");
		assertThat(errors).allSatisfy(message -> assertThat(message).as("a message in Chinese only")
			.containsPattern("\\p{IsHan}")
			.doesNotContainPattern("\\p{IsLatin}")
			.doesNotContain("^", "[0-9", "{"));

		// Eighteen characters, but letters the code never uses: the message says which.
		chromium.type("uscc", "91310000ma1fl0io5x");
		assertThat(errors()).contains("统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）");

		// form-js's own labels: the select placeholder, searchable selects, the dynamic lists' add button.
		String form = chromium.driver.findElement(By.cssSelector(".fjs-container")).getText();
		assertThat(form).doesNotContain("Select", "Search", "Add new", "Field ", "Collapse");
		assertThat(chromium.driver.findElements(By.cssSelector(".fjs-select-display.fjs-select-placeholder")))
			.isNotEmpty()
			.allSatisfy(select -> assertThat(select.getText()).isEqualTo("请选择"));
		assertThat(chromium.driver.findElements(By.cssSelector("button.fjs-repeat-render-add"))).isNotEmpty()
			.allSatisfy(add -> assertThat(add.getText()).isEqualTo("添加一项"));
		assertThat(chromium.driver.findElements(By.cssSelector(".fjs-container input[placeholder]")))
			.allSatisfy(input -> assertThat(input.getDomProperty("placeholder")).doesNotContainPattern("\\p{IsLatin}"));
		chromium.screenshot("start-form-chinese");
	}

	private List<String> errors() {
		chromium.wait.until(d -> !d.findElements(By.cssSelector(".fjs-form-field-error")).isEmpty());
		return chromium.driver.findElements(By.cssSelector(".fjs-form-field-error"))
			.stream()
			.map(WebElement::getText)
			.map(String::trim)
			.filter(text -> !text.isEmpty())
			.flatMap(text -> text.lines().map(String::trim))
			.toList();
	}

	private void openStartForm() {
		WebElement start = chromium.wait
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.start-process-action a")));
		start.click();
		chromium.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(PROCESS_NAME))).click();
		chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(Chromium.field("orgName")));
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
