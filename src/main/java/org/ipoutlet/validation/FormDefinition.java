package org.ipoutlet.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of a Camunda Form (form-js schema, the {@code .form} files of {@code forms/}) as the
 * server reads them: key, type, label, and the form's own rules (required, maxLength, min/max,
 * pattern, options, the number of list items). The form is the one definition of its fields (README,
 * "One definition of the 备案表"): the submission rules, the API's request type, its OpenAPI schema and
 * the change-report rules all take their limits and labels from here, so a limit changed in the form
 * is changed everywhere.
 *
 * <p>Only what the form submits counts: keyed inputs that are not disabled (form-js neither submits
 * nor validates a disabled field) and dynamic lists, whose children are fields of their own with the
 * path {@code list.key}. Text, images and other display components define nothing.
 */
public final class FormDefinition {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Map<String, FormDefinition> ON_CLASSPATH = new ConcurrentHashMap<>();

	private final String id;
	private final JsonNode schema;
	private final Map<String, FormField> fields;

	private FormDefinition(String id, JsonNode schema) {
		this.id = id;
		this.schema = schema;
		Map<String, FormField> found = new LinkedHashMap<>();
		collect(schema, null, found);
		this.fields = found;
	}

	/** Reads a form (the stream is closed). */
	public static FormDefinition read(String id, InputStream form) {
		try (InputStream in = form) {
			return of(id, JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Unreadable form definition " + id, ex);
		}
	}

	/** A form given as its JSON tree (copied: later changes of {@code schema} are not seen). */
	public static FormDefinition of(String id, JsonNode schema) {
		if (schema == null || !schema.path("components").isArray()) {
			throw new IllegalArgumentException(id + " is not a Camunda Form: it has no components");
		}
		return new FormDefinition(id, schema.deepCopy());
	}

	/**
	 * A form on the classpath ({@code forms/*.form} are packaged there, where the engine deploys them
	 * from), read once.
	 */
	public static FormDefinition classpath(String resource) {
		return ON_CLASSPATH.computeIfAbsent(resource, r -> {
			InputStream in = FormDefinition.class.getClassLoader().getResourceAsStream(r);
			if (in == null) {
				throw new IllegalStateException("Form definition " + r + " is not on the classpath");
			}
			return read(r, in);
		});
	}

	/** The resource or name the form was read from, for messages. */
	public String id() {
		return id;
	}

	/** A copy of the form's JSON, e.g. to derive a changed definition in a test. */
	public ObjectNode schema() {
		return (ObjectNode) schema.deepCopy();
	}

	/** Every field the form submits, top-level and in lists, in the form's order. */
	public List<FormField> allFields() {
		return List.copyOf(fields.values());
	}

	/** The process variables the form submits (top-level fields and lists), in the form's order. */
	public List<FormField> fields() {
		return fields.values().stream().filter(f -> !f.nested()).toList();
	}

	/** The fields of the dynamic list {@code list}, in the form's order. */
	public List<FormField> children(String list) {
		FormField parent = field(list);
		if (!parent.list()) {
			throw new IllegalArgumentException(id + ": " + list + " is not a dynamic list");
		}
		return fields.values().stream().filter(f -> f.nested() && f.path().startsWith(list + ".")).toList();
	}

	/** A field by its path ({@code orgName}, {@code teamMembers.resume}); a missing one is a programming error. */
	public FormField field(String path) {
		return find(path).orElseThrow(() -> new IllegalStateException(id + " defines no field " + path));
	}

	public Optional<FormField> find(String path) {
		return Optional.ofNullable(fields.get(path));
	}

	/** The names of the variables the form submits. */
	public List<String> keys() {
		return fields().stream().map(FormField::key).toList();
	}

	private void collect(JsonNode container, String list, Map<String, FormField> found) {
		for (JsonNode component : container.path("components")) {
			if (component.path("disabled").asBoolean(false)) {
				continue;
			}
			String type = component.path("type").asText();
			if ("dynamiclist".equals(type)) {
				String path = component.path("path").asText("");
				if (path.isBlank() || list != null) {
					throw new IllegalArgumentException(id + ": dynamic list " + component.path("id").asText()
							+ " must have a path and may not sit in another list");
				}
				put(found, FormField.from(id, path, path, component, false));
				collect(component, path, found);
				continue;
			}
			String key = component.path("key").asText("");
			if (!key.isBlank() && FormField.INPUTS.contains(type)) {
				String path = list == null ? key : list + "." + key;
				put(found, FormField.from(id, path, key, component, list != null));
			}
			if (component.has("components")) {
				collect(component, list, found);
			}
		}
	}

	private void put(Map<String, FormField> found, FormField field) {
		if (found.putIfAbsent(field.path(), field) != null) {
			throw new IllegalArgumentException(id + " defines " + field.path() + " twice");
		}
	}

	/** The form's fields in a line each, for messages and logs. */
	@Override
	public String toString() {
		List<String> lines = new ArrayList<>();
		fields.values().forEach(f -> lines.add(f.toString()));
		return id + " " + lines;
	}

}
