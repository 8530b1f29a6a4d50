package org.ipoutlet.guard;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields a Camunda Form (form-js schema) submits: every component with a {@code key} that is not
 * disabled (form-js never submits disabled fields, which is how forms show data read-only), the
 * {@code path} of a dynamic list or of a group bound to a path, each reduced to its first segment, the
 * process variable. Text, images, spacers and buttons submit nothing.
 */
final class FormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormFields() {
	}

	static Set<String> of(InputStream form) {
		try (InputStream in = form) {
			Set<String> fields = new LinkedHashSet<>();
			collect(JSON.readTree(in), fields);
			return fields;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unreadable form definition", ex);
		}
	}

	private static void collect(JsonNode container, Set<String> fields) {
		for (JsonNode component : container.path("components")) {
			if (component.path("disabled").asBoolean(false)) {
				continue;
			}
			String type = component.path("type").asText();
			String path = component.path("path").asText("");
			if ("dynamiclist".equals(type) || ("group".equals(type) && !path.isBlank())) {
				// A list or a bound group is one variable; its children are that variable's entries.
				if (!path.isBlank()) {
					fields.add(root(path));
				}
				continue;
			}
			String key = component.path("key").asText("");
			if (!key.isBlank() && !"button".equals(type)) {
				fields.add(root(key));
			}
			if (component.has("components")) {
				collect(component, fields);
			}
		}
	}

	private static String root(String path) {
		int dot = path.indexOf('.');
		return dot < 0 ? path : path.substring(0, dot);
	}

}
