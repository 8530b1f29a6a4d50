package org.ipoutlet.filing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.institution.FilingFormDefinition;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * README, "One definition of the 备案表", in the running application: the start form Tasklist gets from
 * the engine is the definition the server reads, the OpenAPI document at {@code /v3/api-docs} carries
 * its limits, and {@code POST /api/filings} refuses one character over each of them.
 */
@WebTest
class OneDefinitionOverHttpTest {

	private static final FormDefinition DEFINITION = FilingFormDefinition.standard();

	@LocalServerPort
	int port;

	@Test
	void theDeployedFormTheOpenApiDocumentAndTheApiAgreeWithTheDefinition() {
		ApiClient api = new ApiClient(port);

		// The form Tasklist renders (the engine's deployed start form) is the definition.
		Response deployed = api.get("/engine-rest/process-definition/key/outlet-filing/deployed-start-form", "applicant",
				"applicant");
		assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
		FormDefinition tasklists = FormDefinition.of("deployed", deployed.json());
		assertThat(tasklists.allFields()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("form")
			.containsExactlyElementsOf(DEFINITION.allFields());

		// The OpenAPI document: the request body is the schema written from the definition, with its limits.
		JsonNode doc = api.get("/v3/api-docs").json();
		JsonNode content = doc.path("paths").path("/api/filings").path("post").path("requestBody").path("content");
		assertThat(content.path("application/json").path("schema").path("$ref").asText())
			.isEqualTo("#/components/schemas/FilingApplication");
		assertThat(content.path("multipart/form-data").path("schema").path("$ref").asText())
			.isEqualTo("#/components/schemas/FilingUpload");
		JsonNode schema = doc.path("components").path("schemas").path("FilingApplication");
		List<String> disagreements = new ArrayList<>();
		for (FormField field : DEFINITION.allFields()) {
			JsonNode property = field.nested()
					? schema.path("properties").path(field.path().substring(0, field.path().indexOf('.'))).path("items")
						.path("properties").path(field.key())
					: schema.path("properties").path(field.key());
			if (property.isMissingNode()) {
				disagreements.add(field.path() + " missing");
			}
			else if (field.text() && property.path("maxLength").asInt() != field.maxLength()) {
				disagreements.add(field.path() + " maxLength " + property.path("maxLength"));
			}
			else if (field.list() && property.path("maxItems").asInt() != field.mostItems()) {
				disagreements.add(field.path() + " maxItems " + property.path("maxItems"));
			}
		}
		assertThat(disagreements).isEmpty();

		// The API refuses one character more than the definition allows, in every text field at once.
		Map<String, Object> body = FilingApi.body(FilingFixtures.newUscc());
		Set<String> expected = new HashSet<>();
		for (FormField field : DEFINITION.allFields().stream().filter(FormField::text).toList()) {
			String tooLong = "字".repeat(field.maxLength() + 1);
			if (field.nested()) {
				String list = field.path().substring(0, field.path().indexOf('.'));
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> items = new ArrayList<>((List<Map<String, Object>>) body.get(list));
				Map<String, Object> first = new LinkedHashMap<>(items.get(0));
				first.put(field.key(), tooLong);
				items.set(0, first);
				body.put(list, items);
				expected.add(list + "[0]." + field.key() + ":maxLength");
			}
			else {
				body.put(field.key(), tooLong);
				expected.add(field.key() + ":maxLength");
			}
		}
		Response refused = new FilingApi(port).submit("applicant", body);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		List<String> errors = new ArrayList<>();
		refused.json().path("errors").forEach(e -> errors.add(e.path("field").asText() + ":" + e.path("rule").asText()));
		assertThat(errors).containsAll(expected);
	}

}
