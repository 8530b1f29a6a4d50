package org.ipoutlet.tasklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decisions the Tasklist views show in words are the ones each reviewing step's Camunda Form offers: same
 * variables, same values, same words (a change of the form's options fails here).
 */
class ReviewStepTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@ParameterizedTest
	@EnumSource(ReviewStep.class)
	void theDecisionsWordsAreTheFormsOptions(ReviewStep step) throws IOException {
		JsonNode form = JSON.readTree(Files.readString(Path.of("forms", kebab(step.taskKey()) + ".form")));
		JsonNode decision = component(form, step.decisionVariable());
		assertThat(decision).as("the form of %s has the field %s", step.taskKey(), step.decisionVariable()).isNotNull();
		Map<String, String> offered = new LinkedHashMap<>();
		decision.get("values").forEach(v -> offered.put(v.get("value").asText(), v.get("label").asText()));
		assertThat(step.labels()).isEqualTo(offered);
		assertThat(component(form, step.opinionVariable())).as("the form of %s has the field %s", step.taskKey(),
				step.opinionVariable()).isNotNull();
		assertThat(step.label("SOMETHING_ELSE")).as("an unknown value is shown as itself").isEqualTo("SOMETHING_ELSE");
		assertThat(step.label(null)).isNull();
	}

	/** The (first) component with this key that offers values or takes text, anywhere in the form. */
	private static JsonNode component(JsonNode container, String key) {
		for (JsonNode child : container.path("components")) {
			if (key.equals(child.path("key").asText()) && !child.path("disabled").asBoolean(false)) {
				return child;
			}
			JsonNode nested = component(child, key);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
	}

}
