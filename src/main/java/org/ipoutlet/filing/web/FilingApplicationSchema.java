package org.ipoutlet.filing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ipoutlet.institution.DocumentKind;
import org.ipoutlet.institution.FilingFormDefinition;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ByteArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * The OpenAPI schemas of the 备案表 ({@value #APPLICATION}, and {@value #UPLOAD} for the multipart
 * submission), written from the form's one definition (README, "One definition of the 备案表"): every
 * property with the form's label and description, its limits (maxLength, pattern, minimum/maximum,
 * options, number of items) and whether it is required, as the server's rules read the form. The
 * documents come from {@link DocumentKind}. Nothing here repeats a limit.
 */
@Component
class FilingApplicationSchema implements OpenApiCustomizer {

	static final String APPLICATION = "FilingApplication";
	static final String UPLOAD = "FilingUpload";
	static final String DOCUMENT = "InlineDocument";

	private final FormDefinition form;

	FilingApplicationSchema() {
		this(FilingFormDefinition.standard());
	}

	FilingApplicationSchema(FormDefinition form) {
		this.form = form;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents()
			.addSchemas(DOCUMENT, inlineDocument())
			.addSchemas(APPLICATION, application())
			.addSchemas(UPLOAD, upload());
	}

	/** The 备案表 as JSON: the form's fields, the documents inline. */
	Schema<?> application() {
		Schema<?> schema = object(form.fields()).description("备案表: the start form's fields (forms/filing-application.form); "
				+ "property names are the process variables, limits are the form's");
		for (DocumentKind kind : DocumentKind.uploads()) {
			schema.addProperty(kind.field(),
					new Schema<>().$ref("#/components/schemas/" + DOCUMENT).description(describe(kind) + " (JSON submission)"));
		}
		return schema;
	}

	/** The multipart submission: the 备案表 as JSON without documents, and the documents as file parts. */
	Schema<?> upload() {
		Schema<?> schema = new ObjectSchema().description("Multipart submission")
			.addProperty(FilingApiController.APPLICATION_PART, new Schema<>().$ref("#/components/schemas/" + APPLICATION)
				.description("The 备案表 as JSON (see " + APPLICATION + "), without documents"));
		schema.addRequiredItem(FilingApiController.APPLICATION_PART);
		for (DocumentKind kind : DocumentKind.uploads()) {
			schema.addProperty(kind.field(), new BinarySchema().description(describe(kind)));
		}
		return schema;
	}

	private static Schema<?> inlineDocument() {
		return new ObjectSchema().description("A document sent inline")
			.addProperty("filename", new StringSchema().description("The file name; its extension must fit the document"))
			.addProperty("contentBase64", new ByteArraySchema().description("The content, base64"))
			.required(List.of("filename", "contentBase64"));
	}

	private static String describe(DocumentKind kind) {
		return kind.label() + ": " + kind.types()
			.stream()
			.flatMap(t -> t.extensions().stream())
			.map(String::toUpperCase)
			.collect(Collectors.joining("/")) + ", at most " + kind.maxBytes() / (1024 * 1024) + " MB";
	}

	private Schema<?> object(List<FormField> fields) {
		Schema<?> schema = new ObjectSchema();
		List<String> required = new ArrayList<>();
		for (FormField field : fields) {
			schema.addProperty(field.key(), property(field));
			if (requiredByServer(field)) {
				required.add(field.key());
			}
		}
		schema.setRequired(required.isEmpty() ? null : required);
		schema.setAdditionalProperties(false);
		return schema;
	}

	/** As {@link FormField}'s checks read the form. */
	private static boolean requiredByServer(FormField field) {
		return switch (field.type()) {
			case "checkbox" -> field.required() || !field.nested();
			case "dynamiclist" -> field.fewestItems() > 0;
			default -> field.required();
		};
	}

	private Schema<?> property(FormField field) {
		Schema<?> schema = switch (field.type()) {
			case "textfield", "textarea" -> text(field);
			case "number" -> number(field);
			case "checkbox" -> field.required() ? new BooleanSchema()._enum(List.of(Boolean.TRUE)) : new BooleanSchema();
			case "select", "radio" -> new StringSchema()._enum(field.optionValues());
			case "checklist" -> new ArraySchema().items(new StringSchema()._enum(field.optionValues()))
				.uniqueItems(true)
				.minItems(field.required() ? 1 : null)
				.maxItems(field.options().size());
			case "dynamiclist" -> new ArraySchema().items(object(form.children(field.key())))
				.minItems(field.fewestItems())
				.maxItems(field.mostItems());
			default -> new Schema<>();
		};
		return schema.description(field.description() == null ? field.label() : field.label() + "：" + field.description());
	}

	private static Schema<?> text(FormField field) {
		StringSchema schema = new StringSchema();
		schema.maxLength(field.maxLength());
		if ("email".equals(field.validationType())) {
			schema.format("email");
		}
		if (field.pattern() != null) {
			schema.pattern(field.pattern());
		}
		return schema;
	}

	private static Schema<?> number(FormField field) {
		IntegerSchema schema = new IntegerSchema();
		field.minimum().map(BigDecimal::valueOf).ifPresent(schema::minimum);
		field.maximum().map(BigDecimal::valueOf).ifPresent(schema::maximum);
		return schema;
	}

}
