package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.ipoutlet.browser.Chromium;
import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI and the register page work in real Chromium under the application's
 * Content-Security-Policy, and the browser reports no violation (README: Security). Needs
 * /usr/bin/chromium and /usr/bin/chromedriver, like every browser test ({@link Chromium}).
 */
@WebTest
class PagesUnderCspBrowserTest {

	private static Chromium chromium;
	private static ChromeDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws IOException {
		chromium = Chromium.start(PagesUnderCspBrowserTest.class.getSimpleName());
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

	@Test
	void swaggerUiRendersTheApiUnderItsPolicy() {
		driver.get("http://localhost:" + port + "/swagger-ui/index.html");
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
		List<String> paths = driver.findElements(By.cssSelector(".opblock-summary-path"))
			.stream()
			.map(e -> e.getAttribute("data-path"))
			.toList();
		assertThat(paths).contains("/api/outlets", "/api/me");
		assertThat(violations()).isEmpty();
	}

	@Test
	void registerPageRendersUnderItsPolicy() {
		driver.get("http://localhost:" + port + "/outlets");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("网点");
		// The application's style sheet loaded (it was not blocked).
		Object rules = driver.executeScript("return Array.from(document.styleSheets)"
				+ ".filter(s => s.href && s.href.endsWith('/css/outlets.css')).map(s => s.cssRules.length)[0] || 0");
		assertThat(((Number) rules).intValue()).isPositive();
		assertThat(violations()).isEmpty();
	}

	private static List<String> violations() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
			.toList();
	}

}
