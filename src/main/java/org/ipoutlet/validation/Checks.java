package org.ipoutlet.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.variable.value.FileValue;

/**
 * Checks the values of one submission field by field and collects every error, not just the first.
 * Values come as the engine or the API hands them over: Strings, numbers, Booleans, lists and maps
 * (Json variables are turned into lists and maps by {@link JsonValues} first).
 * Nested records (a team member, a typical case) are checked by a child with a path prefix.
 */
public final class Checks {

	private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

	/** A field's value as plain Java (see {@link JsonValues#toJava}); null when absent. */
	private final Function<String, Object> values;
	private final String path;
	private final String labelPrefix;
	private final List<FieldError> errors;
	private final Map<String, Object> normalized;

	public Checks(Map<String, ?> values) {
		this(JsonValues.toJavaMap(values)::get, "", "", new ArrayList<>(), new LinkedHashMap<>());
	}

	/**
	 * Checks that read each field only when a rule asks for it, e.g. from a task's variables: a
	 * decision's rules then never load the application's attached files.
	 */
	public static Checks lazy(Function<String, Object> values) {
		Map<String, Object> read = new HashMap<>();
		Function<String, Object> once = field -> {
			if (!read.containsKey(field)) {
				read.put(field, JsonValues.toJava(values.apply(field)));
			}
			return read.get(field);
		};
		return new Checks(once, "", "", new ArrayList<>(), new LinkedHashMap<>());
	}

	private Checks(Function<String, Object> values, String path, String labelPrefix, List<FieldError> errors,
			Map<String, Object> normalized) {
		this.values = values;
		this.path = path;
		this.labelPrefix = labelPrefix;
		this.errors = errors;
		this.normalized = normalized;
	}

	/** The errors found so far, in field order. */
	public List<FieldError> errors() {
		return List.copyOf(errors);
	}

	/**
	 * Values given in another type than the documented one (e.g. {@code "true"} for a Boolean) and
	 * converted here; the caller stores them back with the documented type.
	 */
	public Map<String, Object> normalized() {
		return Map.copyOf(normalized);
	}

	public boolean present(String field) {
		Object value = values.apply(field);
		return value != null && !(value instanceof String s && s.isBlank());
	}

	public Object value(String field) {
		return values.apply(field);
	}

	/** A text field: required or not, at most {@code maxLength} characters. */
	public Optional<String> text(String field, String label, boolean required, int maxLength) {
		Object value = values.apply(field);
		if (value == null || value instanceof String s && s.isBlank()) {
			if (required) {
				reject(field, label, "required", "must not be empty", "必填");
			}
			return Optional.empty();
		}
		if (!(value instanceof String s)) {
			reject(field, label, "type", "must be text", "应为文本");
			return Optional.empty();
		}
		int length = s.codePointCount(0, s.length());
		if (length > maxLength) {
			reject(field, label, "maxLength", "must have at most " + maxLength + " characters, has " + length,
					"不得超过" + maxLength + "个字符（现有" + length + "个）");
			return Optional.empty();
		}
		if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
			reject(field, label, "characters", "must not contain control characters", "含有不允许的控制字符");
			return Optional.empty();
		}
		return Optional.of(s.strip());
	}

	/** A text field that must also match a pattern. */
	public Optional<String> text(String field, String label, boolean required, int maxLength, Pattern pattern,
			String ruleName, String expected, String expectedZh) {
		Optional<String> text = text(field, label, required, maxLength);
		if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
			reject(field, label, ruleName, "must be " + expected, "格式不正确，应为" + expectedZh);
			return Optional.empty();
		}
		return text;
	}

	public Optional<String> email(String field, String label, boolean required, int maxLength) {
		return text(field, label, required, maxLength, EMAIL, "email", "an e-mail address", "电子邮箱地址");
	}

	/** A whole number between {@code min} and {@code max}. */
	public Optional<Integer> integer(String field, String label, boolean required, int min, int max) {
		Object value = values.apply(field);
		if (value == null || value instanceof String s && s.isBlank()) {
			if (required) {
				reject(field, label, "required", "must not be empty", "必填");
			}
			return Optional.empty();
		}
		Long number = wholeNumber(value);
		if (number == null) {
			reject(field, label, "type", "must be a whole number", "应为整数");
			return Optional.empty();
		}
		if (number < min || number > max) {
			reject(field, label, "range", "must be between " + min + " and " + max, "应在" + min + "至" + max + "之间");
			return Optional.empty();
		}
		if (!(value instanceof Integer)) {
			normalized.put(path + field, number.intValue());
		}
		return Optional.of(number.intValue());
	}

	/** A yes/no field; {@code "true"}/{@code "false"} (radio buttons) are accepted and normalized. */
	public Optional<Boolean> bool(String field, String label, boolean required) {
		Object value = values.apply(field);
		if (value == null || value instanceof String s && s.isBlank()) {
			if (required) {
				reject(field, label, "required", "must be chosen", "必选");
			}
			return Optional.empty();
		}
		if (value instanceof Boolean b) {
			return Optional.of(b);
		}
		if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
			Boolean b = Boolean.valueOf(s);
			normalized.put(path + field, b);
			return Optional.of(b);
		}
		reject(field, label, "type", "must be true or false", "应为是或否");
		return Optional.empty();
	}

	/** A yes/no field that must be true (a declaration). */
	public void mustBeTrue(String field, String label, String ruleZh) {
		Optional<Boolean> b = bool(field, label, true);
		if (b.isPresent() && !b.get()) {
			reject(field, label, "assertTrue", "must be confirmed", ruleZh);
		}
	}

	/** One code of a fixed set. */
	public Optional<String> oneOf(String field, String label, boolean required, Collection<String> allowed) {
		Object value = values.apply(field);
		if (value == null || value instanceof String s && s.isBlank()) {
			if (required) {
				reject(field, label, "required", "must be chosen", "必选");
			}
			return Optional.empty();
		}
		if (!(value instanceof String s) || !allowed.contains(s)) {
			reject(field, label, "enum", "must be one of " + String.join(", ", allowed), "取值无效");
			return Optional.empty();
		}
		return Optional.of(s);
	}

	/** A list of codes of a fixed set, without repeats, with a size between {@code min} and {@code max}. */
	public Optional<List<String>> codes(String field, String label, int min, int max, Collection<String> allowed) {
		Object value = values.apply(field);
		if (value == null) {
			if (min > 0) {
				reject(field, label, "required", "must list at least " + min, "至少选择" + min + "项");
			}
			return value == null && min == 0 ? Optional.of(List.of()) : Optional.empty();
		}
		if (!(value instanceof List<?> list)) {
			reject(field, label, "type", "must be a list", "应为列表");
			return Optional.empty();
		}
		List<String> codes = new ArrayList<>();
		for (Object item : list) {
			if (!(item instanceof String s) || !allowed.contains(s)) {
				reject(field, label, "enum", "may only contain " + String.join(", ", allowed), "含有无效选项");
				return Optional.empty();
			}
			if (codes.contains(s)) {
				reject(field, label, "unique", "lists " + s + " twice", "选项重复");
				return Optional.empty();
			}
			codes.add(s);
		}
		if (!sizeWithin(field, label, codes.size(), min, max)) {
			return Optional.empty();
		}
		return Optional.of(codes);
	}

	/**
	 * A list of records (e.g. team members), between {@code min} and {@code max} items, each checked by
	 * {@code itemChecks} with the path {@code field[i].}.
	 */
	public void records(String field, String label, int min, int max, BiConsumer<Checks, Integer> itemChecks) {
		Object value = values.apply(field);
		if (value == null) {
			if (min > 0) {
				reject(field, label, "required", "must have at least " + min + " item(s)", "至少填写" + min + "项");
			}
			return;
		}
		if (!(value instanceof List<?> list)) {
			reject(field, label, "type", "must be a list", "应为列表");
			return;
		}
		if (!sizeWithin(field, label, list.size(), min, max)) {
			return;
		}
		for (int i = 0; i < list.size(); i++) {
			String itemPath = path + field + "[" + i + "].";
			String itemLabel = labelPrefix + label + "第" + (i + 1) + "项";
			if (!(list.get(i) instanceof Map<?, ?> map)) {
				errors.add(new FieldError(itemPath.substring(0, itemPath.length() - 1), "type", "must be an object",
						itemLabel + "：格式不正确"));
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> item = (Map<String, Object>) map;
			itemChecks.accept(new Checks(item::get, itemPath, itemLabel, errors, new LinkedHashMap<>()), i);
		}
	}

	/**
	 * An attached document (a File variable): its file name must end in one of {@code extensions}
	 * (lower case, without the dot) and it may have at most {@code maxBytes}.
	 */
	public Optional<FileValue> file(String field, String label, boolean required, long maxBytes,
			Collection<String> extensions) {
		Object value = values.apply(field);
		if (value == null) {
			if (required) {
				reject(field, label, "required", "must be attached", "须上传附件");
			}
			return Optional.empty();
		}
		if (!(value instanceof FileValue file)) {
			reject(field, label, "type", "must be a file", "应为文件");
			return Optional.empty();
		}
		String name = file.getFilename() == null ? "" : file.getFilename().toLowerCase(java.util.Locale.ROOT);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
		if (!extensions.contains(extension)) {
			reject(field, label, "fileType", "must be one of " + String.join(", ", extensions) + " files",
					"文件格式应为" + String.join("、", extensions).toUpperCase(java.util.Locale.ROOT));
			return Optional.empty();
		}
		long size = sizeOf(file);
		if (size == 0 || size > maxBytes) {
			reject(field, label, "fileSize", "must have between 1 byte and " + maxBytes / (1024 * 1024) + " MB",
					"文件不能为空且不得超过" + maxBytes / (1024 * 1024) + "MB");
			return Optional.empty();
		}
		return Optional.of(file);
	}

	/** Records a refusal of a rule the caller checks itself. */
	public void reject(String field, String label, String rule, String message, String messageZh) {
		errors.add(new FieldError(path + field, rule, message, labelPrefix + label + "：" + messageZh));
	}

	public boolean hasError(String field) {
		return errors.stream().anyMatch(e -> e.field().equals(path + field));
	}

	private boolean sizeWithin(String field, String label, int size, int min, int max) {
		if (size < min || size > max) {
			String zh = min == max ? "应为" + min + "项" : "应为" + min + "至" + max + "项（现有" + size + "项）";
			reject(field, label, "size", "must have between " + min + " and " + max + " items, has " + size, zh);
			return false;
		}
		return true;
	}

	private static long sizeOf(FileValue file) {
		try (InputStream in = file.getValue()) {
			return in == null ? 0 : in.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read attached file " + file.getFilename(), e);
		}
	}

	private static Long wholeNumber(Object value) {
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			return ((Number) value).longValue();
		}
		if (value instanceof Number n) {
			double d = n.doubleValue();
			return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e12 ? (long) d : null;
		}
		return null;
	}

}
