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
 * The Tasklist views plugin (README, "Tasklist for reviewers and applicants"): Tasklist loads it, every text an
 * official reads is Chinese, and its only requests are GETs to the application's /api/me.
 */
class TasklistViewsPluginTest {

	private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";

	private static final Pattern ENTRY = Pattern.compile("^\\s+(\\w+): '([^']*)',?$", Pattern.MULTILINE);

	@Test
	void tasklistLoadsThePlugin() throws IOException {
		assertThat(read(TASKLIST + "scripts/config.js")).containsPattern("customScripts: \\[[^\\]]*'views/views-plugin'");
		String plugin = read(TASKLIST + "views/views-plugin.js");
		assertThat(plugin).contains("pluginPoint: 'tasklist.navbar.action'", "pluginPoint: 'tasklist.route'",
				"pluginPoint: 'tasklist.task.detail'", "path: '/done'", "path: '/my-applications'");
	}

	@Test
	void everyTextIsChinese() throws IOException {
		String pages = read(TASKLIST + "views/views-pages.js");
		String texts = pages.substring(pages.indexOf("export const TEXTS"), pages.indexOf("export function t("));
		Map<String, String> entries = new LinkedHashMap<>();
		Matcher m = ENTRY.matcher(texts);
		while (m.find()) {
			entries.put(m.group(1), m.group(2));
		}
		assertThat(entries).hasSizeGreaterThan(40).containsKeys("done", "mine", "trail", "loadFailed", "notYours");
		assertThat(entries).allSatisfy((key, text) -> assertThat(text).as(key).containsPattern("\\p{IsHan}"));
		assertThat(entries).containsEntry("done", "已办").containsEntry("mine", "我的申请").containsEntry("trail", "流程跟踪");
	}

	@Test
	void theOnlyRequestsAreGetsToApiMe() throws IOException {
		String api = read(TASKLIST + "views/views-api.js");
		assertThat(api.split("fetch\\(", -1)).as("fetch calls").hasSize(2);
		assertThat(api).contains("method: 'GET'", "'/api/me' + path", "'X-XSRF-TOKEN'")
			.doesNotContain("'POST'", "'PUT'", "'DELETE'", "'PATCH'", "XMLHttpRequest");
		for (String module : new String[] { "views-pages.js", "views-plugin.js" }) {
			assertThat(read(TASKLIST + "views/" + module)).as(module).doesNotContain("fetch(", "XMLHttpRequest", "method:",
					"innerHTML = '<", "innerHTML = `");
		}
	}

	private String read(String resource) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
