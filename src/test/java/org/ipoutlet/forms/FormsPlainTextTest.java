package org.ipoutlet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist forms show what people typed as plain text (README, Security). form-js renders a {@code text}
 * component's template as Markdown and lets its HTML through, so an applicant's {@code [点击领取](http://evil.example)}
 * in a template became a clickable link in the reviewer's form. Free text therefore appears only in disabled
 * fields (never submitted, shown literally) or in {@code table} cells (Preact text nodes); a {@code text} or
 * {@code html} component may only insert values the application generates itself. Plain JUnit: no Spring context.
 */
class FormsPlainTextTest {

	private static final Path FORMS = Path.of("forms");

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Variables that no person types: numbers, dates and counts the application computes, and labels from its own
	 * configuration. None of them is an editable field of any form (checked below).
	 */
	static final Map<String, String> APPLICATION_GENERATED = Map.ofEntries(
			Map.entry("applicationNo", "assigned at the start of outlet-filing (SQ-2026-000001)"),
			Map.entry("filingNo", "assigned at registration (WD-2026-0001)"),
			Map.entry("supplementDeadline", "date: 30 days after a return for supplement"),
			Map.entry("validFrom", "date: the day of filing or renewal"),
			Map.entry("validUntil", "date: last valid day (Art. 9)"),
			Map.entry("recommenderName", "the recommender's name from config/recommenders.yaml"),
			Map.entry("summaryYear", "year the annual summary covers (Art. 17)"),
			Map.entry("summaryDue", "date: 31 January of the next year"),
			Map.entry("reportYear", "year of the annual report"),
			Map.entry("rectificationOrderedOn", "date: start of rectification"),
			Map.entry("rectificationDeadline", "date: end of the six months (Art. 17)"),
			Map.entry("renewalBlockedReason", "composed from the register status label only"),
			Map.entry("outletCount", "count"), Map.entry("submittedCount", "count"),
			Map.entry("compliantCount", "count"), Map.entry("nonCompliantCount", "count"),
			Map.entry("pendingReviewCount", "count"), Map.entry("missingCount", "count"));

	/** FEEL words that are not variables. */
	private static final Set<String> FEEL_WORDS = Set.of("if", "then", "else", "and", "or", "not", "true", "false",
			"null", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function",
			"this", "parent");

	/** A feelers tag: {{expr}}, {{#if expr}}, {{#loop expr}}, {{/if}}, {{/loop}}. */
	private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}_.])([\\p{L}_][\\p{L}\\p{N}_]*)");

	static Stream<Path> forms() throws IOException {
		try (Stream<Path> files = Files.list(FORMS)) {
			List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
			assertThat(forms).as("forms/*.form").isNotEmpty();
			return forms.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void templatesInsertOnlyApplicationGeneratedValues(Path file) throws IOException {
		Map<String, Set<String>> outside = new TreeMap<>();
		int templates = 0;
		for (JsonNode c : components(file)) {
			String template = switch (c.path("type").asText()) {
				case "text" -> c.path("text").asText();
				case "html" -> c.path("content").asText();
				default -> null;
			};
			if (template == null) {
				continue;
			}
			templates++;
			Set<String> names = referencedVariables(template);
			names.removeAll(APPLICATION_GENERATED.keySet());
			if (!names.isEmpty()) {
				outside.put(c.path("id").asText(), names);
			}
		}
		assertThat(templates).as(file + " has text components").isPositive();
		assertThat(outside).as(file + ": text/html components inserting values a person typed (show them in a "
				+ "disabled field or a table instead)").isEmpty();
	}

	@Test
	void applicationGeneratedValuesAreNoEditableFieldOfAnyForm() throws IOException {
		List<String> editable = new ArrayList<>();
		try (Stream<Path> files = forms()) {
			for (Path file : files.toList()) {
				for (JsonNode c : components(file)) {
					String key = c.path("key").asText(null);
					if (key != null && !c.path("disabled").asBoolean()) {
						editable.add(key);
					}
				}
			}
		}
		assertThat(editable).as("editable field keys").isNotEmpty().doesNotContainAnyElementsOf(
				APPLICATION_GENERATED.keySet());
	}

	/** The lists a reviewer reads are tables (plain text cells), never a template loop. */
	@Test
	void reviewersReadTeamAndCasesInTables() throws IOException {
		for (String form : List.of("preliminary-review", "cnipa-review")) {
			List<JsonNode> tables = components(Path.of("forms/" + form + ".form")).stream()
				.filter(c -> c.path("type").asText().equals("table"))
				.toList();
			assertThat(tables).as(form + " tables").extracting(t -> t.path("dataSource").asText())
				.anySatisfy(source -> assertThat(source).startsWith("=").contains("teamMembers"))
				.anySatisfy(source -> assertThat(source).startsWith("=").contains("typicalCases"));
		}
	}

	// ------------------------------------------------------------------ the check itself can fail

	@Test
	void theCheckFindsTheTemplatesThatRenderedApplicantsMarkdown() {
		assertThat(referencedVariables("### 申请号：{{applicationNo}}\n申请机构：{{orgName}}"))
			.containsExactlyInAnyOrder("applicationNo", "orgName");
		assertThat(referencedVariables("{{#loop teamMembers}}\n- **{{name}}**，{{role}}，"
				+ "{{if fullTime = true then \"专职\" else \"兼职\"}}：{{resume}}\n{{/loop}}"))
			.containsExactlyInAnyOrder("teamMembers", "name", "role", "fullTime", "resume");
		assertThat(referencedVariables("{{#if renewalReviewOpinion}}**推荐部门意见：**{{renewalReviewOpinion}}{{/if}}"))
			.containsExactly("renewalReviewOpinion");
		assertThat(referencedVariables("=\"网点：\" + orgName")).containsExactly("orgName");
		assertThat(referencedVariables("{{string(outletCount) + upper case(orgName)}}")).contains("outletCount",
				"orgName");
		assertThat(referencedVariables("{{member.resume}}")).containsExactly("member");
		assertThat(referencedVariables("**网点数：**{{outletCount}}　“{{\"orgName\"}}”")).containsExactly("outletCount");
		assertThat(referencedVariables("请核查网点的整改报告（第十七条）。")).isEmpty();
	}

	/**
	 * The variables a form-js template reads: every FEEL name in its {{…}} tags, or in the whole text when it is
	 * an expression (starts with =). Function names, FEEL words, string literals and properties after a dot are
	 * not variables.
	 */
	static Set<String> referencedVariables(String template) {
		List<String> expressions = new ArrayList<>();
		if (template.startsWith("=")) {
			expressions.add(template.substring(1));
		}
		else {
			Matcher tag = TAG.matcher(template);
			while (tag.find()) {
				expressions.add(tag.group(1).strip().replaceFirst("^(#if|#loop|/if|/loop)\\b", ""));
			}
		}
		Set<String> names = new LinkedHashSet<>();
		for (String expression : expressions) {
			String code = STRING.matcher(expression).replaceAll(" ");
			Matcher name = NAME.matcher(code);
			while (name.find()) {
				String word = name.group(1);
				boolean call = code.substring(name.end()).matches("(?s)\\s*\\(.*");
				if (!call && !FEEL_WORDS.contains(word)) {
					names.add(word);
				}
			}
		}
		return names;
	}

	private static List<JsonNode> components(Path file) throws IOException {
		List<JsonNode> all = new ArrayList<>();
		collect(JSON.readTree(file.toFile()).path("components"), all);
		return all;
	}

	private static void collect(JsonNode components, List<JsonNode> into) {
		for (JsonNode node : components) {
			into.add(node);
			collect(node.path("components"), into);
		}
	}

}
