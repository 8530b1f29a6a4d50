package org.ipoutlet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium with a Chinese browser (zh-CN, Asia/Shanghai) for every browser test: the machine's browser and
 * driver, never a download by Selenium Manager. Downloads go to {@link #downloads()}; screenshots to
 * target/screenshots; the browser console is kept ({@link #console()}).
 */
public final class Chromium implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final File CHROMIUM = new File("/usr/bin/chromium");
	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
	static final Duration WAIT = Duration.ofSeconds(20);
	/** Cockpit's and Tasklist's bundles are large: their first load on a busy machine takes a while. */
	static final Duration FIRST_LOAD = Duration.ofSeconds(90);

	/** Keep a reference: java.util.logging forgets configured loggers nobody holds. */
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	public final ChromeDriver driver;
	public final WebDriverWait wait;
	private final Path profile;
	private final Path downloads;
	private final String prefix;
	private int shot;

	private Chromium(String prefix, int height) throws IOException {
		this.prefix = prefix;
		SELENIUM_LOG.setLevel(Level.SEVERE);
		profile = Files.createTempDirectory("chromium-profile");
		downloads = Files.createTempDirectory("chromium-downloads");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN",
				"--window-size=1400," + height, "--user-data-dir=" + profile.toAbsolutePath());
		org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
		logs.enable(org.openqa.selenium.logging.LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh",
				"download.default_directory", downloads.toAbsolutePath().toString(), "download.prompt_for_download",
				false));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.withEnvironment(Map.of("TZ", "Asia/Shanghai"))
			.build();
		driver = new ChromeDriver(service, options);
		wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(200));
		Files.createDirectories(SCREENSHOTS);
	}

	/** A browser, or the test is skipped (failed on CI) when Chromium is not installed. */
	public static Chromium start(String screenshotPrefix) throws IOException {
		return start(screenshotPrefix, 1000);
	}

	/** A browser with a window {@code height} pixels high (1400 wide). */
	public static Chromium start(String screenshotPrefix, int height) throws IOException {
		if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
			String missing = "Chromium browser tests need /usr/bin/chromium and /usr/bin/chromedriver: "
					+ "apt-get install chromium chromium-driver fonts-noto-cjk";
			if (System.getenv("CI") != null) {
				fail(missing + " (CI must install them, see .ci/run)");
			}
			assumeTrue(false, missing);
		}
		return new Chromium(screenshotPrefix, height);
	}

	Path downloads() {
		return downloads;
	}

	void logIn(String base, String user, String app) {
		submitLogin(loginPage(base, app, FIRST_LOAD), user);
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
	}

	/** Opens the login page of a Camunda webapp ({@code tasklist}, {@code cockpit}) and returns its submit button. */
	WebElement loginPage(String base, String app, Duration load) {
		driver.get(base + "/camunda/app/" + app + "/default/");
		new WebDriverWait(driver, load, Duration.ofMillis(250))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
		return driver.findElement(By.cssSelector("form button[type=submit]"));
	}

	/**
	 * Types the demo credentials (password = user id) until both fields hold them, the login page may still be
	 * settling (autofocus), and submits.
	 */
	void submitLogin(WebElement button, String user) {
		wait.until(d -> {
			WebElement name = d.findElement(By.cssSelector("input[ng-model=username]"));
			WebElement password = d.findElement(By.cssSelector("input[ng-model=password]"));
			name.clear();
			name.sendKeys(user);
			password.clear();
			password.sendKeys(user);
			return user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
		});
		button.click();
	}

	/** Leaves the webapps: cookies and storage cleared, so the next test logs in afresh. */
	void signOut(String base) {
		try {
			driver.get(base + "/camunda/app/welcome/default/");
			driver.manage().deleteAllCookies();
			script("window.localStorage.clear(); window.sessionStorage.clear();");
		}
		catch (WebDriverException e) {
			// the next login starts from a fresh page anyway
		}
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	void scrollTo(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center'});", element);
	}

	public void screenshot(String name) {
		shot++;
		try {
			Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, shot, name)),
					driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot save screenshot " + name, e);
		}
	}

	/**
	 * For {@code @RegisterExtension}: when a test fails, the page as the browser had it — a screenshot and
	 * the page source with the resources it loaded and the browser console — under {@link #SCREENSHOTS}.
	 */
	public static AfterTestExecutionCallback dumpOnFailure(Supplier<Chromium> browser) {
		return context -> {
			Chromium chromium = browser.get();
			if (chromium == null || context.getExecutionException().isEmpty()) {
				return;
			}
			String test = context.getRequiredTestMethod().getName();
			chromium.screenshot("FAILED-" + test);
			Files.writeString(
					SCREENSHOTS.resolve(context.getRequiredTestClass().getSimpleName() + "-" + test + "-FAILED.html"),
					chromium.driver.getPageSource() + "\n<!-- resources:\n"
							+ chromium.script("return performance.getEntriesByType('resource')"
									+ ".map(e => e.name + ' ' + Math.round(e.duration) + 'ms ' + e.responseStatus).join('\\n')")
							+ "\n-->\n<!-- console:\n" + chromium.console() + "\n-->");
		};
	}

	/** The browser console so far (for failure reports). */
	public String console() {
		StringBuilder text = new StringBuilder();
		driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)
			.forEach(entry -> text.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n'));
		return text.toString();
	}

	/** A full-page screenshot (the page's whole height), for long history pages. */
	void fullScreenshot(String name) {
		Number height = (Number) script("return Math.max(document.body.scrollHeight, 1000);");
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, Math.min(height.intValue() + 100, 6000)));
		try {
			screenshot(name);
		}
		finally {
			driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
		}
	}

	/** form-js renders a field with the id {@code fjs-form-<form>-<component id>}; ours are Field_<key>. */
	static By field(String key) {
		return By.cssSelector("[id^='fjs-form-'][id$='-Field_" + key + "']");
	}

	/** Types into a form-js field and leaves it (form-js commits on blur). */
	void type(String key, String text) {
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field(key)));
		scrollTo(input);
		for (int attempt = 1;; attempt++) {
			input.clear();
			input.sendKeys(text);
			script("arguments[0].blur();", input);
			try {
				new WebDriverWait(driver, Duration.ofSeconds(2), Duration.ofMillis(100))
					.until(d -> text.equals(input.getDomProperty("value")));
				return;
			}
			catch (org.openqa.selenium.TimeoutException e) {
				if (attempt == 3) {
					throw e;
				}
			}
		}
	}

	/** Empties a form-js field the way a user does (select all, delete), so form-js sees the change. */
	void empty(String key) {
		WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field(key)));
		scrollTo(input);
		input.click();
		input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
				org.openqa.selenium.Keys.BACK_SPACE);
		script("arguments[0].blur();", input);
		wait.until(d -> "".equals(input.getDomProperty("value")));
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		for (Path dir : new Path[] { profile, downloads }) {
			try (var files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	static void assertChinese(String what, String text) {
		assertThat(text).as(what).containsPattern("\\p{IsHan}");
	}

}
