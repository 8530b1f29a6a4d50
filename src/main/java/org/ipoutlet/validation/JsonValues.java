package org.ipoutlet.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Json variables (Camunda Spin), as Camunda Forms' checklists and dynamic lists produce them, and the
 * plain Java lists and maps the rules work on.
 */
public final class JsonValues {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonValues() {
	}

	/** A value as plain Java: a Spin Json node becomes lists, maps, strings, numbers and booleans. */
	public static Object toJava(Object value) {
		if (value instanceof FileValue) {
			return value;
		}
		if (value instanceof TypedValue typed) {
			value = typed.getValue();
		}
		if (value instanceof SpinJsonNode node) {
			try {
				return MAPPER.readValue(node.toString(), Object.class);
			}
			catch (JsonProcessingException e) {
				throw new IllegalArgumentException("Unreadable Json variable: " + e.getOriginalMessage(), e);
			}
		}
		return value;
	}

	/**
	 * Values as plain Java; from an engine {@link VariableMap} the typed values are read, so File
	 * variables stay files (their untyped value would be a stream).
	 */
	public static Map<String, Object> toJavaMap(Map<String, ?> values) {
		Map<String, Object> java = new LinkedHashMap<>();
		if (values instanceof VariableMap typed) {
			typed.keySet().forEach(k -> java.put(k, toJava(typed.getValueTyped(k))));
		}
		else {
			values.forEach((k, v) -> java.put(k, toJava(v)));
		}
		return java;
	}

	/** A list of codes from a Json variable, or an empty list when there is none. */
	public static List<String> codes(Object value) {
		Object java = toJava(value);
		if (java instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

	/** A Json variable holding a list or record, as the processes store lists. */
	public static TypedValue json(Object listOrRecord) {
		try {
			return SpinValues.jsonValue(MAPPER.writeValueAsString(listOrRecord)).create();
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("Cannot write Json variable", e);
		}
	}

}
