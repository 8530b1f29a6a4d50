package org.ipoutlet.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipoutlet.filing.FilingVariables;
import org.ipoutlet.institution.IpCategory;
import org.ipoutlet.institution.ServiceCost;
import org.ipoutlet.institution.ServiceItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forms of issue 9's evidence (README, "Registers behind the eligibility check", "The team and the
 * service items"): the checkbox provincialOutlet is gone from every form; the applicant's forms itemise
 * the 服务事项清单 with exactly the server's codes; the recommender's review shows the staff warning
 * read-only and every reviewer sees the itemised list.
 */
class EvidenceFormsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "filing-application", "supplement-materials", "preliminary-review", "cnipa-review" })
	void Art7_noFormAsksWhetherTheInstitutionIsAProvincialOutlet(String form) throws IOException {
		assertThat(components(form)).extracting(c -> c.path("key").asText()).doesNotContain("provincialOutlet");
	}

	@ParameterizedTest
	@ValueSource(strings = { "filing-application", "supplement-materials" })
	void Art8_theApplicantItemisesItsServicesWithTheServersCodes(String form) throws IOException {
		JsonNode list = components(form).stream()
			.filter(c -> c.path("path").asText().equals(FilingVariables.SERVICE_ITEM_LIST))
			.findFirst()
			.orElseThrow(() -> new AssertionError(form + " has no dynamic list " + FilingVariables.SERVICE_ITEM_LIST));
		assertThat(list.path("type").asText()).isEqualTo("dynamiclist");
		List<JsonNode> items = new ArrayList<>();
		list.path("components").forEach(items::add);
		assertThat(items).extracting(c -> c.path("key").asText())
			.containsExactlyInAnyOrder("name", "description", "ipCategory", "serviceCode", "cost");
		assertThat(items).allSatisfy(c -> assertThat(c.path("validate").path("required").asBoolean())
			.as(c.path("key").asText() + " required").isTrue());
		assertThat(options(items, "serviceCode")).containsExactlyElementsOf(ServiceItem.codes());
		assertThat(options(items, "ipCategory"))
			.containsExactlyElementsOf(java.util.Arrays.stream(IpCategory.values()).map(Enum::name).toList());
		assertThat(options(items, "cost")).containsExactlyElementsOf(ServiceCost.codes());
	}

	@Test
	void Art5_theRecommenderSeesTheStaffWarningReadOnlyAndEveryReviewerTheItemisedList() throws IOException {
		JsonNode warning = components("preliminary-review").stream()
			.filter(c -> c.path("key").asText().equals(FilingVariables.STAFF_WARNING))
			.findFirst()
			.orElseThrow();
		assertThat(warning.path("disabled").asBoolean()).as("read-only, never submitted").isTrue();
		assertThat(warning.path("conditional").path("hide").asText()).contains(FilingVariables.STAFF_WARNING);
		for (String review : List.of("preliminary-review", "cnipa-review")) {
			assertThat(components(review)).as(review)
				.anySatisfy(c -> assertThat(c.path("type").asText() + " " + c.path("dataSource").asText())
					.startsWith("table =for i in " + FilingVariables.SERVICE_ITEM_LIST));
		}
	}

	private static List<String> options(List<JsonNode> items, String key) {
		List<String> values = new ArrayList<>();
		items.stream().filter(c -> c.path("key").asText().equals(key)).findFirst().orElseThrow().path("values")
			.forEach(v -> values.add(v.path("value").asText()));
		return values;
	}

	/** Every component of a form, nested ones included. */
	private static List<JsonNode> components(String form) throws IOException {
		List<JsonNode> all = new ArrayList<>();
		collect(JSON.readTree(Path.of("forms", form + ".form").toFile()).path("components"), all);
		return all;
	}

	private static void collect(JsonNode components, List<JsonNode> all) {
		for (JsonNode c : components) {
			all.add(c);
			collect(c.path("components"), all);
		}
	}

}
