package org.ipoutlet.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Cockpit audit plugin's own texts and names (README, "Auditors in Cockpit"): every text exists in Chinese and
 * English, the Chinese ones are Chinese, the recommenders' and provinces' names are those of
 * config/recommenders.yaml, and the engine client only reads.
 */
class WebappAuditPluginTest {

	private static final String AUDIT = "META-INF/resources/webjars/camunda/app/cockpit/audit/";

	private static final Pattern ENTRY = Pattern.compile("^\\s+(\\w+): '([^']*)',?$", Pattern.MULTILINE);

	@Test
	void everyTextIsInChineseAndEnglish() throws IOException {
		String source = read(AUDIT + "audit-i18n.js");
		String texts = source.substring(source.indexOf("export const TEXTS"), source.indexOf("/** Outcomes"));
		Map<String, String> zh = entries(texts.substring(texts.indexOf("zh: {"), texts.indexOf("en: {")));
		Map<String, String> en = entries(texts.substring(texts.indexOf("en: {")));
		assertThat(zh).hasSizeGreaterThan(80);
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		assertThat(zh).allSatisfy((key, text) -> assertThat(text).as(key).containsPattern("\\p{IsHan}"));
		assertThat(en).allSatisfy((key, text) -> assertThat(text).as(key).doesNotContainPattern("\\p{IsHan}"));
	}

	@Test
	void recommendersAndProvincesAreThoseOfTheConfiguration() throws IOException {
		String yaml = read("config/recommenders.yaml");
		Map<String, String> recommenders = new LinkedHashMap<>();
		Matcher r = Pattern.compile("\\{ id: \"([^\"]+)\", name: \"([^\"]+)\"").matcher(yaml);
		while (r.find()) {
			recommenders.put(r.group(1), r.group(2));
		}
		Map<String, String> provinces = new LinkedHashMap<>();
		Matcher p = Pattern.compile("^\\s+\"(\\d{6})\": (\\S+)$", Pattern.MULTILINE).matcher(yaml);
		while (p.find()) {
			provinces.put(p.group(1), p.group(2));
		}
		String names = read(AUDIT + "audit-names.js");
		Map<String, String> pluginRecommenders = quoted(names.substring(names.indexOf("RECOMMENDERS"), names.indexOf("PROVINCES")));
		Map<String, String> pluginProvinces = quoted(names.substring(names.indexOf("PROVINCES")));
		assertThat(recommenders).hasSizeGreaterThan(30);
		assertThat(pluginRecommenders).isEqualTo(recommenders);
		assertThat(pluginProvinces).isEqualTo(provinces);
	}

	@Test
	void theEngineClientPostsOnlyToQueryEndpoints() throws IOException {
		String api = read(AUDIT + "audit-api.js");
		assertThat(api).contains("const POST_QUERIES = new Set(['/history/process-instance', '/history/process-instance/count']);");
		assertThat(api.split("method: '", -1)).as("request methods named in the client").hasSize(2);
		assertThat(api).contains("method: 'POST'").doesNotContain("'PUT'", "'DELETE'", "'PATCH'");
		for (String module : new String[] { "audit-views.js", "audit-plugin.js", "audit-diagram.js" }) {
			assertThat(read(AUDIT + module)).as(module).doesNotContain("fetch(", "XMLHttpRequest", "method:");
		}
	}

	private static Map<String, String> entries(String block) {
		Map<String, String> found = new LinkedHashMap<>();
		Matcher m = ENTRY.matcher(block);
		while (m.find()) {
			found.put(m.group(1), m.group(2));
		}
		return found;
	}

	private static Map<String, String> quoted(String block) {
		Map<String, String> found = new LinkedHashMap<>();
		Matcher m = Pattern.compile("\"([^\"]+)\": \"([^\"]+)\"").matcher(block);
		while (m.find()) {
			found.put(m.group(1), m.group(2));
		}
		return found;
	}

	private String read(String resource) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
