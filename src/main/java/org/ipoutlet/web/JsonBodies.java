package org.ipoutlet.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipoutlet.validation.FieldError;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Request bodies of the API read as plain JSON objects, so every value reaches the shared
 * submission rules ({@link org.ipoutlet.validation.Checks}) as sent and a mistyped field is named
 * by them (rule {@code type}) instead of failing the whole body. What is not JSON (rule
 * {@code json}), not an object (rule {@code type}) or names properties the endpoint does not know
 * (rule {@code unknown}) is refused here, before any rule or engine sees it.
 */
public final class JsonBodies {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private JsonBodies() {
	}

	/** The body as a JSON object with its values as Java strings, numbers, booleans, lists and maps. */
	public static Map<String, Object> object(InputStream body) {
		try {
			return object(body.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the request body", ex);
		}
	}

	public static Map<String, Object> object(byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidRequestException(new FieldError("body", "json", "The request body is missing",
					"缺少请求内容"));
		}
		JsonNode node;
		try {
			node = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException(new FieldError("body", "json",
					"The request body is not valid JSON: " + ex.getOriginalMessage(), "请求内容不是有效的 JSON"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the request body", ex);
		}
		if (node == null || !node.isObject()) {
			throw new InvalidRequestException(new FieldError("body", "type", "The request body must be a JSON object",
					"请求内容应为 JSON 对象"));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> values = MAPPER.convertValue(node, LinkedHashMap.class);
		return values;
	}

	/** One {@code unknown} error per property of {@code values} not in {@code known}, named with {@code prefix}. */
	public static List<FieldError> unknown(Map<String, ?> values, Collection<String> known, String prefix) {
		List<FieldError> errors = new ArrayList<>();
		for (String name : values.keySet()) {
			if (!known.contains(name)) {
				errors.add(new FieldError(prefix + name, "unknown", "Unknown property " + prefix + name,
						"不认识的字段 " + prefix + name));
			}
		}
		return errors;
	}

	/** Refuses a body with unknown properties. */
	public static void requireKnown(Map<String, ?> values, Collection<String> known) {
		List<FieldError> errors = unknown(values, known, "");
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

}
