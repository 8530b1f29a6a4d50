package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI and the register page work in real Chromium under the application's
 * Content-Security-Policy, and the browser reports no violation (README: Security). Needs
 * /usr/bin/chromium and /usr/bin/chromedriver, like the Tasklist browser test.
 */
@WebTest
class PagesUnderCspBrowserTest {

	private static final File CHROMIUM = new File("/usr/bin/chromium");
	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	/** Keep a reference: java.util.logging forgets configured loggers nobody holds. */
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	private static ChromeDriver driver;
	private static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws IOException {
		if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
			String missing = "Chromium browser tests need /usr/bin/chromium and /usr/bin/chromedriver";
			if (System.getenv("CI") != null) {
				fail(missing + " (CI must install them, see .ci/run)");
			}
			assumeTrue(false, missing);
		}
		SELENIUM_LOG.setLevel(Level.SEVERE);
		profile = Files.createTempDirectory("chromium-csp-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run",
				"--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
	}

	@AfterAll
	static void stopChromium() throws IOException {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
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
