package org.ipoutlet.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda webapps speak Chinese to officials: each translated app ships a {@code zh.json} with every key
 * of the webjar's {@code en.json} (a missing key would show as its raw key), keeps every placeholder and HTML
 * tag, and its {@code config.js} (which replaces the shipped one) offers and falls back to {@code zh}.
 */
class WebappLocalesTest {

	private static final String APP = "META-INF/resources/webjars/camunda/app/";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|<[^<>]+>");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private static final Pattern LETTER = Pattern.compile("\\p{IsAlphabetic}");

	private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome", "admin", "cockpit" })
	void zhHasExactlyTheKeysOfTheShippedEnglishWithItsPlaceholders(String app) throws IOException {
		Map<String, String> english = flatten(parse(shipped(app, "locales/en.json"), true));
		byte[] zhBytes = ours(app, "locales/zh.json");
		assertThat(new String(zhBytes, StandardCharsets.UTF_8)).as("zh.json of %s starts with a byte-order mark", app)
			.doesNotStartWith("\uFEFF");
		Map<String, String> chinese = flatten(parse(zhBytes, false));

		assertThat(new TreeSet<>(chinese.keySet())).as("keys of %s zh.json", app)
			.isEqualTo(new TreeSet<>(english.keySet()));
		english.forEach((key, en) -> assertThat(placeholders(chinese.get(key)))
			.as("placeholders of %s %s: %s -> %s", app, key, en, chinese.get(key))
			.containsAll(placeholders(en)));

		long texts = english.values().stream().filter(en -> LETTER.matcher(en).find()).count();
		long translated = english.entrySet()
			.stream()
			.filter(e -> LETTER.matcher(e.getValue()).find())
			.filter(e -> CJK.matcher(chinese.get(e.getKey())).find())
			.count();
		assertThat(translated).as("values of %s zh.json in Chinese", app).isGreaterThan(texts * 9 / 10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome", "admin", "cockpit" })
	void configOffersChineseAndReplacesTheShippedOne(String app) throws IOException {
		URL config = getClass().getClassLoader().getResource(APP + app + "/scripts/config.js");
		assertThat(config).isNotNull();
		assertThat(config.getProtocol()).as("config.js served for %s comes from the application, not the webjar", app)
			.isEqualTo("file");
		String text = read(config);
		assertThat(text.replaceAll("\\s", "")).contains("availableLocales:['zh','en']").contains("fallbackLocale:'zh'");
		String shipped = new String(shipped(app, "scripts/config.js"), StandardCharsets.UTF_8);
		assertThat(shipped).doesNotContain("'zh'");
		if (app.equals("cockpit")) {
			// Cockpit also loads the auditors' history plugin.
			assertThat(text).contains("customScripts: ['audit/audit-plugin.js'],");
			assertThat(getClass().getClassLoader().getResource(APP + app + "/audit/audit-plugin.js")).isNotNull();
		}
		if (app.equals("tasklist")) {
			// Tasklist also loads the fix that keeps 启动 usable after a dynamic list is edited.
			// and the one that puts Camunda Forms' own messages and labels into Chinese, and the reviewers' and
			// applicants' views (已办, 我的申请, 流程跟踪).
			assertThat(text).contains(
					"customScripts: ['custom/dynamic-list-validity', 'custom/form-messages-zh', 'views/views-plugin'],");
			assertThat(getClass().getClassLoader().getResource(APP + app + "/views/views-plugin.js")).isNotNull();
			assertThat(getClass().getClassLoader().getResource(APP + app + "/custom/dynamic-list-validity.js")).isNotNull();
			assertThat(getClass().getClassLoader().getResource(APP + app + "/custom/form-messages-zh.js")).isNotNull();
		}
		// Everything else of the shipped configuration is kept.
		assertThat(text.replaceAll("(?s)\\n  // Officials use.*?fallbackLocale: 'zh'\\n  },", "")
			.replaceAll("(?s)\\n  // Keeps the start button usable.*?customScripts: \\['custom/dynamic-list-validity', 'custom/form-messages-zh', 'views/views-plugin'\\],", "")
			.replaceAll("(?s)\\n  // The auditors' read-only history views.*?customScripts: \\['audit/audit-plugin.js'\\],", ""))
			.isEqualTo(shipped);
	}

	private JsonNode parse(byte[] bytes, boolean stripBom) throws IOException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (stripBom && text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return json.readTree(text);
	}

	private static Map<String, String> flatten(JsonNode node) {
		Map<String, String> flat = new LinkedHashMap<>();
		flatten("", node, flat);
		return flat;
	}

	private static void flatten(String path, JsonNode node, Map<String, String> flat) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> field = it.next();
				flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), flat);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + "[" + i + "]", node.get(i), flat);
			}
		}
		else {
			flat.put(path, node.isTextual() ? node.textValue() : node.toString());
		}
	}

	private static Set<String> placeholders(String value) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(value);
		while (matcher.find()) {
			found.add(matcher.group());
		}
		return found;
	}

	/** The file as the Camunda webjar ships it (not the application's own copy). */
	private byte[] shipped(String app, String file) throws IOException {
		Iterator<URL> urls = getClass().getClassLoader().getResources(APP + app + "/" + file).asIterator();
		while (urls.hasNext()) {
			URL url = urls.next();
			if ("jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar")) {
				try (InputStream in = url.openStream()) {
					return in.readAllBytes();
				}
			}
		}
		throw new AssertionError("the Camunda webjar on the classpath has no " + app + "/" + file);
	}

	/** The application's own file, first on the classpath. */
	private byte[] ours(String app, String file) throws IOException {
		URL url = getClass().getClassLoader().getResource(APP + app + "/" + file);
		assertThat(url).as("%s/%s on the classpath", app, file).isNotNull();
		assertThat(url.getProtocol()).isEqualTo("file");
		try (InputStream in = url.openStream()) {
			return in.readAllBytes();
		}
	}

	private static String read(URL url) throws IOException {
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
