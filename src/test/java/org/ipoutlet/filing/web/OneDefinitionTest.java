package org.ipoutlet.filing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipoutlet.filing.FilingApplicationRule;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.Recommenders;
import org.ipoutlet.institution.BasicInformation;
import org.ipoutlet.institution.FilingFormDefinition;
import org.ipoutlet.validation.Checks;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.FormDefinition;
import org.ipoutlet.validation.FormField;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.validation.SubmissionRule;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.swagger.v3.oas.models.media.Schema;

/**
 * README, "One definition of the 备案表": the form is the only place a field's limits and label are
 * written. A limit changed in the form is seen by the form, the server's rules, the change-report
 * rules and the OpenAPI schema; and for every field of the released form, the rules and the schema
 * agree with the form at the limit, so a copy that went stale anywhere fails here. Plain JUnit.
 */
class OneDefinitionTest {

	private static final Recommenders RECOMMENDERS = new Recommenders(
			List.of(new Recommenders.Recommender("310000", "上海市知识产权局", Recommenders.Type.PROVINCIAL)),
			Map.of("310000", "上海市"));

	private static final FormDefinition RELEASED = FilingFormDefinition.standard();

	@Test
	void aLimitChangedInTheFormIsSeenByTheFormTheServerRulesAndTheOpenApiDocument() {
		// The change: 机构名称 at most 60 characters (was 100), at most 3 team members (was 200), at most 500
		// full-time staff (was 100000), made in a copy of the form exactly as Modeler would write it.
		ObjectNode json = RELEASED.schema();
		((ObjectNode) component(json, "key", ORG_NAME).path("validate")).put("maxLength", 60);
		((ObjectNode) component(json, "path", TEAM_MEMBERS).path("properties")).put("maxItems", "3");
		((ObjectNode) component(json, "key", STAFF_FULL_TIME).path("validate")).put("max", 500);
		FormDefinition changed = FormDefinition.of("changed filing-application.form", json);

		// The form (what Tasklist renders and form-js validates) carries the new limits.
		assertThat(changed.field(ORG_NAME).maxLength()).isEqualTo(60);
		assertThat(changed.field(TEAM_MEMBERS).mostItems()).isEqualTo(3);
		assertThat(changed.field(STAFF_FULL_TIME).maximum()).contains(500L);
		assertThat(RELEASED.field(ORG_NAME).maxLength()).as("the released form is untouched").isEqualTo(100);

		// The server's rules of the start form refuse what the changed form refuses, with its numbers.
		Map<String, Object> application = FilingFixtures.application(FilingFixtures.newUscc());
		application.put(ORG_NAME, "名".repeat(61));
		application.put(STAFF_FULL_TIME, 501);
		application.put(STAFF_TOTAL, 507);
		application.put(TEAM_MEMBERS, JsonValues.json(List.of(member(), member(), member(), member())));
		List<FieldError> refused = errors(new FilingApplicationRule(SubmissionRule.START, RECOMMENDERS, changed),
				application);
		assertThat(refused).extracting(FieldError::field, FieldError::rule)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ORG_NAME, "maxLength"),
					org.assertj.core.groups.Tuple.tuple(STAFF_FULL_TIME, "range"),
					org.assertj.core.groups.Tuple.tuple(TEAM_MEMBERS, "size"));
		assertThat(refused).extracting(FieldError::messageZh)
			.contains("机构名称：不得超过60个字符（现有61个）", "专职人员数量：应在0至500之间", "服务团队人员情况：应为1至3项（现有4项）");
		assertThat(errors(new FilingApplicationRule(SubmissionRule.START, RECOMMENDERS, RELEASED), application))
			.as("the released form allows all of it").isEmpty();
		application.put(ORG_NAME, "名".repeat(60));
		assertThat(errors(new FilingApplicationRule(SubmissionRule.START, RECOMMENDERS, changed), application))
			.extracting(FieldError::field)
			.doesNotContain(ORG_NAME);

		// The change-report rules (Art. 10) check the name with the same definition.
		Checks change = new Checks(Map.of(ORG_NAME, "名".repeat(61)));
		BasicInformation.check(change, ORG_NAME, changed);
		assertThat(change.errors()).extracting(FieldError::rule).containsExactly("maxLength");

		// The OpenAPI schema of POST /api/filings documents the new limits.
		Schema<?> schema = new FilingApplicationSchema(changed).application();
		assertThat(property(schema, ORG_NAME).getMaxLength()).isEqualTo(60);
		assertThat(property(schema, TEAM_MEMBERS).getMaxItems()).isEqualTo(3);
		assertThat(property(schema, STAFF_FULL_TIME).getMaximum()).isEqualByComparingTo(BigDecimal.valueOf(500));
		assertThat(property(new FilingApplicationSchema(RELEASED).application(), ORG_NAME).getMaxLength()).isEqualTo(100);
	}

	/** Every text of the released form: the rule accepts its maxLength and refuses one more; the schema says the same. */
	@Test
	void everyTextLimitOfTheFormIsTheServersAndTheOpenApiDocumentsLimit() {
		FilingApplicationRule rule = new FilingApplicationRule(SubmissionRule.START, RECOMMENDERS, RELEASED);
		Schema<?> schema = new FilingApplicationSchema(RELEASED).application();
		List<FormField> texts = RELEASED.allFields().stream().filter(FormField::text).toList();
		assertThat(texts).extracting(FormField::path)
			.contains(ORG_NAME, USCC, PHONE, EMAIL, WORK_FOUNDATION, APPLICANT_HEAD, "teamMembers.resume",
					"typicalCases.content");

		List<String> disagreements = new ArrayList<>();
		for (FormField field : texts) {
			String errorField = field.nested() ? field.path().replace(".", "[0].") : field.path();
			int max = field.maxLength();
			if (!errors(rule, withText(field, max)).stream().noneMatch(e -> e.field().equals(errorField)
					&& e.rule().equals("maxLength"))) {
				disagreements.add(field.path() + ": the server refuses " + max + " characters");
			}
			if (errors(rule, withText(field, max + 1)).stream().noneMatch(e -> e.field().equals(errorField)
					&& e.rule().equals("maxLength") && e.messageZh().contains("不得超过" + max + "个字符"))) {
				disagreements.add(field.path() + ": the server does not refuse " + (max + 1) + " characters");
			}
			Schema<?> property = field.nested()
					? property(property(schema, field.path().substring(0, field.path().indexOf('.'))).getItems(), field.key())
					: property(schema, field.key());
			if (!Integer.valueOf(max).equals(property.getMaxLength())) {
				disagreements.add(field.path() + ": OpenAPI says maxLength " + property.getMaxLength() + ", the form " + max);
			}
		}
		assertThat(disagreements).isEmpty();
	}

	/** Every field of the form is in the OpenAPI schema, required exactly where the server requires it. */
	@Test
	void theOpenApiSchemaHasExactlyTheFormsFieldsAndTheRulesRequiredOnes() {
		Schema<?> schema = new FilingApplicationSchema(RELEASED).application();
		assertThat(schema.getProperties().keySet()).containsExactlyElementsOf(
				concat(RELEASED.keys(), List.of(WORK_RULES, SEALED_FORM)));
		assertThat(FilingRequest.FIELDS).containsExactlyElementsOf(RELEASED.keys());

		FilingApplicationRule rule = new FilingApplicationRule(SubmissionRule.START, RECOMMENDERS, RELEASED);
		List<String> requiredByRule = errors(rule, Map.of()).stream()
			.filter(e -> e.rule().equals("required"))
			.map(FieldError::field)
			.toList();
		assertThat(schema.getRequired()).containsExactlyInAnyOrderElementsOf(requiredByRule);
		assertThat(schema.getRequired()).contains(ORG_NAME, DECLARATION_TRUTHFUL, TEAM_MEMBERS, PROVINCIAL_OUTLET)
			.doesNotContain(PLATFORM_NAME, PLATFORM_URL, SERVICE_ITEMS);
	}

	/** The supplement shows the same 备案表 again: each field defined exactly as in the start form. */
	@Test
	void theSupplementFormDefinesEveryFieldAsTheStartForm() {
		FormDefinition supplement = FormDefinition.classpath(FilingFormDefinition.SUPPLEMENT_FORM);

		assertThat(supplement.allFields()).hasSameSizeAs(RELEASED.allFields());
		for (FormField field : RELEASED.allFields()) {
			FormField again = supplement.field(field.path());
			assertThat(again).as(field.path())
				.usingRecursiveComparison()
				.ignoringFields("form")
				.isEqualTo(field);
		}
	}

	private static ObjectNode member() {
		ObjectNode member = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
		return member.put("name", "王五").put("role", "主任").put("fullTime", true).put("resume", "从事专利信息检索分析十年。");
	}

	/** The fixture's application with {@code field} (in the first list item, for a list's field) of {@code length} characters. */
	private static Map<String, Object> withText(FormField field, int length) {
		Map<String, Object> application = new HashMap<>(FilingFixtures.application(FilingFixtures.newUscc()));
		String text = "字".repeat(length);
		if (!field.nested()) {
			application.put(field.key(), text);
			return application;
		}
		String list = field.path().substring(0, field.path().indexOf('.'));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) JsonValues.toJava(application.get(list));
		Map<String, Object> first = new HashMap<>(items.get(0));
		first.put(field.key(), text);
		List<Map<String, Object>> changed = new ArrayList<>(items);
		changed.set(0, first);
		application.put(list, JsonValues.json(changed));
		return application;
	}

	private static List<FieldError> errors(SubmissionRule rule, Map<String, Object> values) {
		Checks checks = new Checks(values);
		rule.check(checks);
		return checks.errors();
	}

	private static Schema<?> property(Schema<?> schema, String name) {
		Schema<?> property = schema.getProperties().get(name);
		assertThat(property).as("OpenAPI property " + name).isNotNull();
		return property;
	}

	private static JsonNode component(JsonNode container, String attribute, String value) {
		for (JsonNode c : container.path("components")) {
			if (value.equals(c.path(attribute).asText())) {
				return c;
			}
			JsonNode found = component(c, attribute, value);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
