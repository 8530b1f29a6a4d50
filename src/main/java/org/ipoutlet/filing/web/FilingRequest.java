package org.ipoutlet.filing.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.institution.FilingFormDefinition;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.JsonBodies;

/**
 * A 备案表 as the API receives it, turned into the process variables (README, "Reference"): the JSON
 * object's properties are the variable names, documents arrive inline in base64 or as multipart
 * file parts and become File variables. Only the request's shape is judged here (unknown
 * properties, a document that is not {filename, contentBase64}, bad base64); whether the values are
 * right is for the shared submission rules of {@code outlet-filing}.
 */
final class FilingRequest {

	/** The 备案表's one definition (README, "One definition of the 备案表"). */
	private static final FormDefinition FORM = FilingFormDefinition.standard();

	/** The 备案表's fields (sections 一–六), as the start form has them. */
	static final List<String> FIELDS = FORM.keys();

	static final List<String> DOCUMENTS = DocumentKind.uploads().stream().map(DocumentKind::field).toList();

	/** Lists and records: stored as Json variables, as Camunda Forms' checklists and dynamic lists. */
	static final List<String> JSON_FIELDS = FORM.fields()
		.stream()
		.filter(f -> f.list() || f.type().equals("checklist") || f.type().equals("taglist"))
		.map(FormField::key)
		.toList();

	/** The properties of each list's items. */
	static final Map<String, List<String>> RECORD_FIELDS = FORM.fields()
		.stream()
		.filter(FormField::list)
		.collect(Collectors.toUnmodifiableMap(FormField::key,
				list -> FORM.children(list.key()).stream().map(FormField::key).toList()));

	static final List<String> INLINE_DOCUMENT_FIELDS = List.of("filename", "contentBase64");

	private final Map<String, Object> values = new LinkedHashMap<>();
	private final List<FieldError> errors = new ArrayList<>();

	private FilingRequest() {
	}

	/** A JSON body, documents inline as {@code {"filename": ..., "contentBase64": ...}}. */
	static FilingRequest fromJson(Map<String, Object> body) {
		FilingRequest request = new FilingRequest();
		request.read(body, true);
		return request;
	}

	/** The {@code application} part of a multipart request and its file parts. */
	static FilingRequest fromParts(Map<String, Object> application, Map<String, Document> files) {
		FilingRequest request = new FilingRequest();
		request.read(application, false);
		files.forEach((field, document) -> request.values.put(field, document.toFileValue()));
		return request;
	}

	private void read(Map<String, Object> body, boolean inlineDocuments) {
		List<String> known = new ArrayList<>(FIELDS);
		if (inlineDocuments) {
			known.addAll(DOCUMENTS);
		}
		errors.addAll(JsonBodies.unknown(body, known, ""));
		body.forEach((name, value) -> {
			if (FIELDS.contains(name)) {
				values.put(name, value);
				if (RECORD_FIELDS.containsKey(name) && value instanceof List<?> items) {
					for (int i = 0; i < items.size(); i++) {
						if (items.get(i) instanceof Map<?, ?> item) {
							errors.addAll(JsonBodies.unknown(keys(item), RECORD_FIELDS.get(name), name + "[" + i + "]."));
						}
					}
				}
			}
			else if (inlineDocuments && DOCUMENTS.contains(name) && value != null) {
				inlineDocument(name, value);
			}
		});
	}

	private void inlineDocument(String field, Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			errors.add(new FieldError(field, "type", field + " must be an object {filename, contentBase64}",
					field + "：应为包含 filename 和 contentBase64 的对象"));
			return;
		}
		List<FieldError> found = new ArrayList<>(JsonBodies.unknown(keys(map), INLINE_DOCUMENT_FIELDS, field + "."));
		Object filename = map.get("filename");
		Object content = map.get("contentBase64");
		if (!(filename instanceof String name) || name.isBlank()) {
			found.add(new FieldError(field + ".filename", filename == null ? "required" : "type",
					"The document's file name is required", "须提供文件名"));
		}
		byte[] bytes = null;
		if (!(content instanceof String base64)) {
			found.add(new FieldError(field + ".contentBase64", content == null ? "required" : "type",
					"The document's content (base64) is required", "须提供文件内容（Base64 编码）"));
		}
		else {
			try {
				// Line breaks (MIME style) are allowed; any other character outside base64 is refused.
				bytes = Base64.getDecoder().decode(base64.replaceAll("[\\r\\n ]", ""));
			}
			catch (IllegalArgumentException ex) {
				found.add(new FieldError(field + ".contentBase64", "base64", "The document's content is not valid base64",
						"文件内容不是有效的 Base64 编码"));
			}
		}
		if (found.isEmpty()) {
			values.put(field, new Document((String) filename, bytes).toFileValue());
		}
		errors.addAll(found);
	}

	private static Map<String, Object> keys(Map<?, ?> map) {
		Map<String, Object> keyed = new HashMap<>();
		map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
		return keyed;
	}

	/** The values to validate: Java values as sent, documents as File variables. */
	Map<String, Object> values() {
		return values;
	}

	/** Errors in the request's shape, found before the submission rules run. */
	List<FieldError> errors() {
		return errors;
	}

	boolean has(String field) {
		return values.get(field) != null;
	}

	/**
	 * The process variables of a validated submission, typed as Tasklist would send them: lists and
	 * records as Json, counts as Integer ({@code normalized} holds the rules' type conversions).
	 */
	Map<String, Object> variables(Map<String, Object> normalized) {
		Map<String, Object> variables = new HashMap<>();
		values.forEach((name, value) -> {
			if (value != null) {
				variables.put(name, JSON_FIELDS.contains(name) ? JsonValues.json(value) : value);
			}
		});
		variables.putAll(normalized);
		return variables;
	}

	/** An uploaded document. The MIME type follows the file name's extension, not the client's claim. */
	record Document(String filename, byte[] content) {

		FileValue toFileValue() {
			return Variables.fileValue(filename).file(content).mimeType(mimeType(filename)).create();
		}

		static String mimeType(String filename) {
			String name = filename.toLowerCase(Locale.ROOT);
			String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
			return switch (extension) {
				case "pdf" -> "application/pdf";
				case "doc" -> "application/msword";
				case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				case "jpg", "jpeg" -> "image/jpeg";
				case "png" -> "image/png";
				default -> "application/octet-stream";
			};
		}
	}

}
