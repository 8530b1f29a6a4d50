package org.ipoutlet.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** The building blocks of every server-side form rule. */
class ChecksTest {

	@Test
	void textCountsCharactersNotBytesAndRefusesControlCharacters() {
		Checks c = new Checks(Map.of("a", "知".repeat(10), "b", "知".repeat(11), "c", "bell\u0007"));
		assertThat(c.text("a", "甲", true, 10)).contains("知".repeat(10));
		assertThat(c.text("b", "乙", true, 10)).isEmpty();
		assertThat(c.text("c", "丙", true, 10)).isEmpty();
		assertThat(rules(c)).containsExactly("b:maxLength", "c:characters");
		assertThat(c.errors().get(0).messageZh()).isEqualTo("乙：不得超过10个字符（现有11个）");
	}

	@Test
	void blankTextIsAbsentAndScriptIsJustText() {
		Checks c = new Checks(Map.of("blank", "  ", "html", "<script>alert(1)</script>"));
		assertThat(c.text("blank", "空", false, 10)).isEmpty();
		assertThat(c.text("html", "名称", true, 100)).contains("<script>alert(1)</script>");
		assertThat(c.errors()).isEmpty();
	}

	@Test
	void wholeNumbersInAnyNumericTypeAreNormalizedToInteger() {
		Checks c = new Checks(Map.of("long", 7L, "double", 7.0, "fraction", 7.5, "text", "7", "negative", -1));
		assertThat(c.integer("long", "甲", true, 0, 10)).contains(7);
		assertThat(c.integer("double", "乙", true, 0, 10)).contains(7);
		assertThat(c.integer("fraction", "丙", true, 0, 10)).isEmpty();
		assertThat(c.integer("text", "丁", true, 0, 10)).isEmpty();
		assertThat(c.integer("negative", "戊", true, 0, 10)).isEmpty();
		assertThat(rules(c)).containsExactly("fraction:type", "text:type", "negative:range");
		assertThat(c.normalized()).containsEntry("long", 7).containsEntry("double", 7);
	}

	@Test
	void radioValuesBecomeBooleansAndOtherValuesAreRefused() {
		Checks c = new Checks(Map.of("yes", "true", "no", false, "maybe", "perhaps"));
		assertThat(c.bool("yes", "甲", true)).contains(true);
		assertThat(c.bool("no", "乙", true)).contains(false);
		assertThat(c.bool("maybe", "丙", true)).isEmpty();
		assertThat(c.bool("missing", "丁", true)).isEmpty();
		assertThat(rules(c)).containsExactly("maybe:type", "missing:required");
		assertThat(c.normalized()).containsOnlyKeys("yes");
	}

	@Test
	void codeListsAcceptJsonVariablesAndRefuseUnknownOrRepeatedCodes() {
		Map<String, Object> values = new HashMap<>();
		values.put("json", JsonValues.json(List.of("A", "B")));
		values.put("unknown", List.of("A", "Z"));
		values.put("twice", List.of("A", "A"));
		values.put("notList", "A");
		Checks c = new Checks(values);
		assertThat(c.codes("json", "甲", 1, 2, List.of("A", "B"))).contains(List.of("A", "B"));
		c.codes("unknown", "乙", 0, 2, List.of("A", "B"));
		c.codes("twice", "丙", 0, 2, List.of("A", "B"));
		c.codes("notList", "丁", 0, 2, List.of("A", "B"));
		c.codes("missing", "戊", 1, 2, List.of("A", "B"));
		assertThat(rules(c)).containsExactly("unknown:enum", "twice:unique", "notList:type", "missing:required");
	}

	@Test
	void recordsAreCheckedItemByItemWithTheirPath() {
		Checks c = new Checks(Map.of("cases", JsonValues.json(List.of(Map.of("name", "一"), Map.of("name", "")))));
		c.records("cases", "典型案例", 1, 2, (item, i) -> item.text("name", "名称", true, 10));
		assertThat(rules(c)).containsExactly("cases[1].name:required");
		assertThat(c.errors().get(0).messageZh()).isEqualTo("典型案例第2项名称：必填");

		Checks tooMany = new Checks(Map.of("cases", List.of(Map.of(), Map.of(), Map.of())));
		tooMany.records("cases", "典型案例", 1, 2, (item, i) -> {
		});
		assertThat(rules(tooMany)).containsExactly("cases:size");
	}

	@Test
	void filesAreCheckedForTypeAndSize() {
		Map<String, Object> values = new HashMap<>();
		values.put("pdf", Variables.fileValue("制度.PDF").file(new byte[] { 1, 2, 3 }).create());
		values.put("exe", Variables.fileValue("virus.exe").file(new byte[] { 1 }).create());
		values.put("empty", Variables.fileValue("empty.pdf").file(new byte[0]).create());
		values.put("big", Variables.fileValue("big.pdf").file(new byte[11 * 1024 * 1024]).create());
		Checks c = new Checks(values);
		long max = 10L * 1024 * 1024;
		assertThat(c.file("pdf", "甲", true, max, List.of("pdf"))).isPresent();
		c.file("exe", "乙", true, max, List.of("pdf"));
		c.file("empty", "丙", true, max, List.of("pdf"));
		c.file("big", "丁", true, max, List.of("pdf"));
		c.file("missing", "戊", true, max, List.of("pdf"));
		assertThat(rules(c)).containsExactly("exe:fileType", "empty:fileSize", "big:fileSize", "missing:required");
	}

	@Test
	void lazyChecksReadOnlyTheFieldsARuleAsksForAndEachOnce() {
		List<String> reads = new java.util.ArrayList<>();
		Checks c = Checks.lazy(field -> {
			reads.add(field);
			return field.equals("decision") ? "true" : null;
		});
		assertThat(c.bool("decision", "决定", true)).contains(true);
		assertThat(c.present("decision")).isTrue();
		c.text("opinion", "意见", false, 10);
		assertThat(reads).containsExactly("decision", "opinion");
		assertThat(c.normalized()).containsEntry("decision", true);
	}

	private static List<String> rules(Checks checks) {
		return checks.errors().stream().map(e -> e.field() + ":" + e.rule()).toList();
	}

}
