package org.ipoutlet.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a Camunda Form (see {@link FormDefinition}) and the server's check of it, with the
 * form's own rules: what the browser checks, the server checks again (README, "Validation that the
 * browser cannot bypass"), with the same limits and the form's label in the Chinese message.
 *
 * <p>How form-js 1.8 rules read on the server:
 * <ul>
 * <li>textfield/textarea: {@code validate.required}, {@code validate.maxLength} (every text the
 * server accepts has one), {@code validate.pattern} or {@code validationType: email};</li>
 * <li>number: whole numbers between {@code validate.min} and {@code validate.max} when these are
 * numbers (a FEEL expression is for the browser; the rule then names its own bounds);</li>
 * <li>checkbox: {@code validate.required} means it must be ticked (a declaration); otherwise a
 * top-level checkbox must be answered, true or false, as the form always sends it, while one in a
 * dynamic list may be left out;</li>
 * <li>select/radio: one of the options' values (a radio of {@code true}/{@code false} is a yes/no
 * decision, Boolean or the strings); checklist: a list of them without repeats, at least one if
 * required;</li>
 * <li>dynamiclist: form-js 1.8 cannot bound the number of items, so the form carries it as custom
 * properties {@code minItems} and {@code maxItems}, which only the server reads.</li>
 * </ul>
 *
 * @param form the form's id, for messages
 * @param path the field's path in the form: the variable name, or {@code list.key} in a dynamic list
 * @param key the variable name, or the item's property in a dynamic list
 * @param declaredMaxLength {@code validate.maxLength}, if the form gives one (see {@link #maxLength()})
 * @param label the form's label without its section number ({@code 三、}) and a closing note in
 *        full-width parentheses ({@code （选填）}): what a message names the field by
 */
public record FormField(String form, String path, String key, String type, String label, String description,
		boolean required, Integer declaredMaxLength, Long min, Long max, String pattern, String validationType,
		List<Option> options, Integer minItems, Integer maxItems, boolean nested) {

	/** The form-js 1.8 components that submit a value. */
	static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "expression", "checkbox",
			"checklist", "radio", "select", "taglist");

	private static final Pattern SECTION_NUMBER = Pattern.compile("^[一二三四五六七八九十]+、");

	private static final Pattern CLOSING_NOTE = Pattern.compile("（[^（）]*）$");

	/** An option of a select, radio or checklist: the submitted value and its Chinese label. */
	public record Option(String value, String label) {
	}

	public FormField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	static FormField from(String form, String path, String key, JsonNode c, boolean nested) {
		JsonNode v = c.path("validate");
		List<Option> options = new ArrayList<>();
		c.path("values").forEach(o -> options.add(new Option(o.path("value").asText(), o.path("label").asText())));
		JsonNode properties = c.path("properties");
		return new FormField(form, path, key, c.path("type").asText(), label(c.path("label").asText()),
				c.path("description").asText(null), v.path("required").asBoolean(false), integer(v.path("maxLength")),
				number(v.path("min")), number(v.path("max")), v.path("pattern").asText(null),
				v.path("validationType").asText(null), options, integer(properties.path("minItems")),
				integer(properties.path("maxItems")), nested);
	}

	/** The label a message names the field by. */
	static String label(String formLabel) {
		String label = SECTION_NUMBER.matcher(formLabel.strip()).replaceFirst("");
		return CLOSING_NOTE.matcher(label).replaceFirst("").strip();
	}

	public boolean list() {
		return "dynamiclist".equals(type);
	}

	public boolean text() {
		return "textfield".equals(type) || "textarea".equals(type);
	}

	/** The longest text the form accepts (characters); a text field without one is refused by the server's rules. */
	public int maxLength() {
		return require(declaredMaxLength, "validate.maxLength");
	}

	/** The smallest number the form accepts, when the form gives it as a number. */
	public Optional<Long> minimum() {
		return Optional.ofNullable(min);
	}

	public Optional<Long> maximum() {
		return Optional.ofNullable(max);
	}

	/** The fewest items of a dynamic list (custom property {@code minItems}). */
	public int fewestItems() {
		return require(minItems, "properties.minItems");
	}

	/** The most items of a dynamic list (custom property {@code maxItems}). */
	public int mostItems() {
		return require(maxItems, "properties.maxItems");
	}

	public List<String> optionValues() {
		return options.stream().map(Option::value).toList();
	}

	public Optional<Pattern> compiledPattern() {
		return Optional.ofNullable(pattern).map(Pattern::compile);
	}

	// ------------------------------------------------------------------ the server's checks

	/** Checks the field with the form's rules, as its type reads them (see the class comment). */
	public void check(Checks c) {
		switch (type) {
			case "textfield", "textarea" -> text(c);
			case "number" -> integer(c);
			case "checkbox" -> bool(c);
			case "radio" -> {
				if (yesNo()) {
					bool(c);
				}
				else {
					oneOf(c);
				}
			}
			case "select" -> oneOf(c);
			case "checklist" -> codes(c);
			case "dynamiclist" -> throw new IllegalStateException(where() + ": a list is checked with records(...)");
			default -> throw new IllegalStateException(where() + ": the server has no rule for a " + type);
		}
	}

	/** A text; a pattern is refused as rule {@code pattern}, with the field's description as the expectation. */
	public Optional<String> text(Checks c) {
		return text(c, "pattern", "match " + pattern, description == null ? "符合格式要求" : description);
	}

	/** A text whose pattern is a named rule (e.g. {@code phone}: "a mainland mobile or landline number"). */
	public Optional<String> text(Checks c, String rule, String expected, String expectedZh) {
		requireType("textfield", "textarea");
		if ("email".equals(validationType)) {
			return c.email(key, label, required, maxLength());
		}
		Optional<Pattern> p = compiledPattern();
		return p.isPresent() ? c.text(key, label, required, maxLength(), p.get(), rule, expected, expectedZh)
				: c.text(key, label, required, maxLength());
	}

	/** A whole number within the form's numeric bounds. */
	public Optional<Integer> integer(Checks c) {
		return integer(c, (int) (long) require(min, "validate.min (a number)"),
				(int) (long) require(max, "validate.max (a number)"));
	}

	/** A whole number within bounds the rule derives itself (the form's are FEEL expressions). */
	public Optional<Integer> integer(Checks c, int lowest, int highest) {
		requireType("number");
		return c.integer(key, label, required, lowest, highest);
	}

	/** A radio whose options are {@code true} and {@code false}: a yes/no decision. */
	public boolean yesNo() {
		return "radio".equals(type) && optionValues().size() == 2 && optionValues().containsAll(List.of("true", "false"));
	}

	/**
	 * A yes/no field: a radio of {@code true}/{@code false} (Boolean or the strings), or a checkbox, ticked
	 * when the form requires it, otherwise answered unless it sits in a list.
	 */
	public Optional<Boolean> bool(Checks c) {
		if (yesNo()) {
			return c.bool(key, label, required);
		}
		requireType("checkbox");
		if (required) {
			Optional<Boolean> answer = c.bool(key, label, true);
			if (answer.isPresent() && !answer.get()) {
				c.reject(key, label, "assertTrue", "must be confirmed", "须勾选确认");
				return Optional.empty();
			}
			return answer;
		}
		return c.bool(key, label, !nested);
	}

	/** A checkbox a client may leave out (a finding only some decisions make), whatever the form sends. */
	public Optional<Boolean> optionalBool(Checks c) {
		requireType("checkbox");
		return c.bool(key, label, false);
	}

	/** One of the form's options. */
	public Optional<String> oneOf(Checks c) {
		return oneOf(c, optionValues());
	}

	/** One of {@code allowed}, which the rule takes from the configuration the form's options mirror. */
	public Optional<String> oneOf(Checks c, Collection<String> allowed) {
		requireType("select", "radio");
		return c.oneOf(key, label, required, allowed);
	}

	/** Options of a checklist, without repeats. */
	public Optional<List<String>> codes(Checks c) {
		requireType("checklist");
		return c.codes(key, label, required ? 1 : 0, options.size(), optionValues());
	}

	/** A dynamic list, between its fewest and most items, each item checked by {@code items}. */
	public void records(Checks c, BiConsumer<Checks, Integer> items) {
		requireType("dynamiclist");
		c.records(key, label, fewestItems(), mostItems(), items);
	}

	private void requireType(String... types) {
		if (!List.of(types).contains(type)) {
			throw new IllegalStateException(where() + " is a " + type + ", not a " + String.join("/", types));
		}
	}

	private <T> T require(T value, String property) {
		if (value == null) {
			throw new IllegalStateException(where() + " declares no " + property + ", which the server's rule needs");
		}
		return value;
	}

	private String where() {
		return form + " field " + path;
	}

	private static Integer integer(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.intValue();
		}
		if (node.isTextual() && node.asText().strip().matches("\\d{1,9}")) {
			return Integer.valueOf(node.asText().strip());
		}
		return null;
	}

	/** A number bound; a FEEL expression ({@code =…}) is the browser's and gives none. */
	private static Long number(JsonNode node) {
		return node.isIntegralNumber() ? Long.valueOf(node.longValue()) : null;
	}

}
