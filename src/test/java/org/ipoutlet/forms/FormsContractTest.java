package org.ipoutlet.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.ipoutlet.filing.FilingVariables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract between the Camunda Forms in {@code forms/}, the diagrams in {@code bpmn/} and the
 * public contract (the README's reference of public names). Plain JUnit: no Spring context.
 *
 * <h2>Form conventions (follow them for new forms, e.g. the outlet-lifecycle ones)</h2>
 *
 * What Tasklist 7.24 does, read in camunda-bpm-platform (webapps/frontend, which pins
 * {@code @bpmn-io/form-js} 1.8.7, schemaVersion 16) and in bpmn-io/form-js at tag v1.8.7:
 * <ul>
 * <li><b>Which variables a form sees.</b> cam-tasklist-form-camunda.js calls
 * {@code GET /task/{id}/form-variables} without {@code variableNames}; the engine's
 * GetTaskFormVariablesCmd then collects <em>all</em> variables visible from the task (task scope and
 * every parent scope), Json ones parsed, and imports them as the form's data. So any process
 * variable can prefill a field or be used in a template, whether or not it is a field. A
 * <em>start</em> form gets no variables at all (no task id): it starts empty.</li>
 * <li><b>What is sent back.</b> Form#_getSubmitData() returns only keyed field instances that are
 * rendered and <em>not disabled</em>; Tasklist posts them all to submit-form, objects/arrays as
 * Json (or with the type of the existing variable), everything else untyped (string → String,
 * integer → Integer, boolean → Boolean). {@code readonly} fields ARE submitted and validated (the
 * value is sent back, re-typed); {@code disabled} fields are neither submitted nor validated;
 * fields hidden by {@code conditional.hide} are not registered, hence neither submitted nor
 * validated; {@code text} components are not keyed and never submitted.</li>
 * <li><b>Read-only displays therefore use {@code "disabled": true}</b> (a disabled select/radio/
 * checklist shows the chosen options by their Chinese label). Never {@code readonly}: completing a
 * review would write the applicant's data back as new values. {@code text} templates are rendered as
 * Markdown with HTML: they insert only values the application generates (numbers, dates, counts,
 * configured names), never what a person typed ({@link FormsPlainTextTest}).</li>
 * <li><b>Lists</b> (teamMembers, typicalCases) are edited with {@code dynamiclist} ({@code path} =
 * variable name, children keyed relative to it; submitted as a Json array of objects). form-js 1.8
 * cannot require a minimum or maximum number of items: the server checks the count. Displayed
 * read-only in a {@code table} (not keyed, never submitted; cells are plain text) whose
 * {@code dataSource} is a FEEL expression: {@code =typicalCases}, or for the team
 * {@code =for m in teamMembers return {name: m.name, …, fullTime: if m.fullTime = true then "专职" else "兼职"}}.</li>
 * <li><b>Component types</b> form-js 1.8 renders: textfield, textarea, number, datetime, expression,
 * checkbox, checklist, radio, select, taglist, text, image, table, html, spacer, separator, group,
 * dynamiclist, iframe, button. The form's own JSON schema (form-json-schema 1.8.7) allows
 * {@code validate.pattern}/{@code validationType} only on textfield, {@code minLength}/{@code maxLength}
 * only on textfield/textarea, {@code min}/{@code max} only on number, {@code values} only on
 * checklist/radio/select/taglist, {@code description}/{@code disabled}/{@code readonly}/{@code validate}
 * only on inputs; {@code label} is not allowed on text/spacer/separator.</li>
 * <li><b>Validation</b> (Validator.js): required (an unchecked checkbox and an empty checklist fail
 * it), minLength/maxLength (on the trimmed value, UTF-16 units: one per CJK character),
 * pattern ({@code new RegExp(pattern)}, not anchored: write ^…$), validationType email/phone (phone is
 * international-only, so Chinese numbers use a pattern), min/max (may be FEEL: staffTotal's min and
 * max are both full-time + part-time). Messages are form-js' English ones; put the rule in Chinese
 * in the field's description. The server enforces the same rules.</li>
 * <li><b>Decisions</b>: a required radio whose values are exactly the contract's codes; booleans
 * that a radio offers are the strings "true"/"false" (the server converts them). Tasklist prefills
 * a decision field from an earlier value of the same variable (e.g. a second preliminary review
 * after RETURN shows RECOMMEND/RETURN pre-selected and the old opinion), so the process should remove
 * old decision variables when a round starts again. (A Boolean prefill does not match a "true"/"false"
 * option, so that radio starts empty.)</li>
 * <li><b>Header</b>: {@code "id"} = file name, {@code "type": "default"}, schemaVersion ≤ 16,
 * executionPlatform "Camunda Platform" 7.24.0, exporter Camunda Modeler. Ids unique in the form; field
 * keys = process variable names of the contract; every label and option label in Chinese.</li>
 * <li>Checked by rendering every form with form-js-viewer 1.8.7 under jsdom, fed like Tasklist feeds it
 * (empty for the start form, all process variables for tasks): valid data submits with no errors, each bad
 * field is refused, reviews submit exactly their decision fields (team and cases, now tables, are checked in
 * real Tasklist by TasklistPlainTextBrowserTest).
 * {@code @camunda/form-linting} 0.25 knows Camunda Platform only up to 7.22 (→ form-js 1.8.7) and
 * applies no rule to 7.24.0; linted as 7.22 the only findings are "discourage-disabled-fields" warnings
 * (accessibility), accepted because readonly would write the application back.</li>
 * <li>Tasklist has no file picker: attachments (File variables) are uploaded through the
 * application's portal/API; forms only explain that in a text block.</li>
 * </ul>
 */
class FormsContractTest {

	private static final Path FORMS = Path.of("forms");

	private static final Path BPMN = Path.of("bpmn");

	private static final Path RECOMMENDERS = Path.of("src/main/resources/config/recommenders.yaml");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** What form-js 1.8.7 registers (render/components/index.js, formFields). */
	private static final Set<String> FORM_JS_18_TYPES = Set.of("textfield", "textarea", "number", "datetime",
			"expression", "checkbox", "checklist", "radio", "select", "taglist", "text", "image", "table", "html",
			"spacer", "separator", "group", "dynamiclist", "iframe", "button");

	private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "expression",
			"checkbox", "checklist", "radio", "select", "taglist");

	private static final Set<String> MULTI_INPUTS = Set.of("checklist", "radio", "select", "taglist");

	private static final Set<String> CONTAINERS = Set.of("group", "dynamiclist");

	private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

	private static final List<String> ORG_CATEGORIES = List.of("UNIVERSITY", "RESEARCH_INSTITUTE", "STI_INSTITUTION",
			"INDUSTRY_ORGANIZATION", "PRODUCTIVITY_CENTER", "PUBLIC_LIBRARY", "MUSEUM", "SERVICE_INSTITUTION");

	private static final List<String> SERVICE_ITEMS = List.of("CONSULTATION", "SEARCH", "TRAINING",
			"INDUSTRY_ANALYSIS", "SME_SERVICES", "DATABASE_TOOLS");

	private static final List<String> IP_CATEGORIES = List.of("PATENT", "TRADEMARK", "GEOGRAPHICAL_INDICATION");

	/** The 备案表 fields of the contract and the component each must be edited with. */
	private static final Map<String, String> FILING_FIELDS = filingFields();

	private static Map<String, String> filingFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String text : List.of(FilingVariables.ORG_NAME, FilingVariables.USCC, FilingVariables.ORG_NATURE,
				FilingVariables.ADDRESS, FilingVariables.PLATFORM_NAME, FilingVariables.PLATFORM_URL,
				FilingVariables.HEAD_NAME, FilingVariables.HEAD_TITLE, FilingVariables.CONTACT_NAME,
				FilingVariables.CONTACT_TITLE, FilingVariables.PHONE, FilingVariables.EMAIL,
				FilingVariables.APPLICANT_HEAD)) {
			fields.put(text, "textfield");
		}
		for (String longText : List.of(FilingVariables.SERVICE_TARGETS, FilingVariables.WORK_FOUNDATION,
				FilingVariables.DEVELOPMENT_PLAN, FilingVariables.APPLICANT_OPINION)) {
			fields.put(longText, "textarea");
		}
		for (String count : List.of(FilingVariables.STAFF_TOTAL, FilingVariables.STAFF_FULL_TIME,
				FilingVariables.STAFF_PART_TIME)) {
			fields.put(count, "number");
		}
		for (String yesNo : List.of(FilingVariables.INDEPENDENT_LEGAL_ENTITY, FilingVariables.PROVINCIAL_OUTLET,
				FilingVariables.DECLARATION_TRUTHFUL)) {
			fields.put(yesNo, "checkbox");
		}
		fields.put(FilingVariables.ORG_CATEGORY, "select");
		fields.put(FilingVariables.PROVINCE, "select");
		fields.put(FilingVariables.RECOMMENDER_ID, "select");
		fields.put(FilingVariables.SERVICE_ITEMS, "checklist");
		fields.put(FilingVariables.IP_CATEGORIES, "checklist");
		fields.put(FilingVariables.TEAM_MEMBERS, "dynamiclist");
		fields.put(FilingVariables.TYPICAL_CASES, "dynamiclist");
		return fields;
	}

	// ------------------------------------------------------------------ every form

	static Stream<Path> forms() throws IOException {
		try (Stream<Path> files = Files.list(FORMS)) {
			List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
			assertThat(forms).as("forms/*.form").isNotEmpty();
			return forms.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void everyFormIsACamundaForm7_24WithItsFileNameAsId(Path file) throws IOException {
		JsonNode form = JSON.readTree(file.toFile());

		assertThat(form.path("id").asText()).isEqualTo(formId(file));
		assertThat(form.path("type").asText()).isEqualTo("default");
		assertThat(form.path("schemaVersion").isInt()).as("schemaVersion is an integer").isTrue();
		assertThat(form.path("schemaVersion").asInt()).isBetween(1, 16);
		assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
		assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
		assertThat(form.path("exporter").path("name").asText()).isEqualTo("Camunda Modeler");
		assertThat(form.path("exporter").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
		assertThat(form.path("components").isArray()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void everyComponentIsOneFormJs1_8RendersWithPropertiesItsSchemaAllows(Path file) throws IOException {
		for (Component c : components(file)) {
			String type = c.type();
			String where = formId(file) + " " + c.node().path("id").asText();
			assertThat(type).as(where + " type").isIn(FORM_JS_18_TYPES);
			assertThat(c.node().path("id").asText()).as(where + " id").isNotBlank();
			JsonNode validate = c.node().path("validate");
			if (INPUTS.contains(type)) {
				assertThat(c.key()).as(where + " key").matches("[A-Za-z][A-Za-z0-9]*");
			}
			else {
				for (String inputOnly : List.of("key", "description", "disabled", "readonly", "validate")) {
					assertThat(c.node().has(inputOnly)).as(where + " has " + inputOnly).isFalse();
				}
			}
			if (Set.of("text", "spacer", "separator").contains(type)) {
				assertThat(c.node().has("label")).as(where + " has label").isFalse();
			}
			assertThat(c.node().has("text")).as(where + " has text").isEqualTo(type.equals("text"));
			assertThat(c.node().has("values")).as(where + " has values").isEqualTo(MULTI_INPUTS.contains(type));
			assertThat(c.node().has("components")).as(where + " has components").isEqualTo(CONTAINERS.contains(type));
			if (!type.equals("textfield")) {
				assertThat(validate.has("pattern") || validate.has("validationType")).as(where + " pattern").isFalse();
			}
			if (!Set.of("textfield", "textarea").contains(type)) {
				assertThat(validate.has("minLength") || validate.has("maxLength")).as(where + " length").isFalse();
			}
			if (!type.equals("number")) {
				assertThat(validate.has("min") || validate.has("max")).as(where + " min/max").isFalse();
			}
			if (validate.has("pattern")) {
				assertThat(validate.path("pattern").asText()).as(where + " pattern anchored").startsWith("^").endsWith("$");
				Pattern.compile(validate.path("pattern").asText());
			}
			if (type.equals("dynamiclist")) {
				assertThat(c.node().path("path").asText()).as(where + " path").matches("[A-Za-z][A-Za-z0-9]*");
			}
			assertThat(c.node().has("readonly")).as(where + " uses readonly (submitted back); use disabled").isFalse();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void idsAndBindingPathsAreUniqueInEachForm(Path file) throws IOException {
		List<Component> components = components(file);

		List<String> ids = new ArrayList<>(components.stream().map(c -> c.node().path("id").asText()).toList());
		ids.add(formId(file));
		assertThat(ids).as("component ids and the form id").doesNotHaveDuplicates();

		List<String> bindings = components.stream()
			.filter(c -> c.key() != null || c.type().equals("dynamiclist"))
			.map(Component::binding)
			.toList();
		assertThat(bindings).as("bound variables").doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void everyLabelAndOptionIsInChinese(Path file) throws IOException {
		for (Component c : components(file)) {
			String where = formId(file) + " " + c.node().path("id").asText();
			if (c.node().has("label") || INPUTS.contains(c.type())) {
				assertThat(c.node().path("label").asText()).as(where + " label").containsPattern(CJK);
			}
			for (JsonNode option : c.node().path("values")) {
				assertThat(option.path("label").asText()).as(where + " option " + option.path("value"))
					.containsPattern(CJK);
			}
			if (c.type().equals("text")) {
				assertThat(c.node().path("text").asText()).as(where + " text").containsPattern(CJK);
			}
		}
	}

	@Test
	void everyFormRefInTheDiagramsNamesAForm() throws Exception {
		Set<String> formIds;
		try (Stream<Path> files = forms()) {
			formIds = files.map(FormsContractTest::formId).collect(Collectors.toSet());
		}
		if (!Files.isDirectory(BPMN)) {
			return;
		}
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		List<Path> diagrams;
		try (Stream<Path> files = Files.list(BPMN)) {
			diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
		}
		for (Path diagram : diagrams) {
			Document document = factory.newDocumentBuilder().parse(diagram.toFile());
			NodeList all = document.getElementsByTagNameNS("*", "*");
			for (int i = 0; i < all.getLength(); i++) {
				Element element = (Element) all.item(i);
				String formRef = element.getAttributeNS("http://camunda.org/schema/1.0/bpmn", "formRef");
				if (!formRef.isEmpty()) {
					assertThat(formIds).as(diagram + " " + element.getAttribute("id") + " camunda:formRef")
						.contains(formRef);
				}
			}
		}
	}

	// ------------------------------------------------------------------ filing-application

	@Test
	void annexFilingForm_everyFieldOfTheContractHasItsComponent() throws IOException {
		Map<String, Component> fields = fieldsByBinding(Path.of("forms/filing-application.form"));

		FILING_FIELDS.forEach((variable, type) -> {
			assertThat(fields).as("field " + variable).containsKey(variable);
			assertThat(fields.get(variable).type()).as("component of " + variable).isEqualTo(type);
			assertThat(fields.get(variable).node().path("disabled").asBoolean()).as(variable + " disabled").isFalse();
		});
		assertThat(fields.keySet().stream().filter(k -> !k.contains(".")))
			.as("top-level variables of the start form").containsExactlyInAnyOrderElementsOf(FILING_FIELDS.keySet());
		for (String count : List.of(FilingVariables.STAFF_TOTAL, FilingVariables.STAFF_FULL_TIME,
				FilingVariables.STAFF_PART_TIME)) {
			assertThat(fields.get(count).node().path("decimalDigits").asInt(-1)).as(count + " integer").isZero();
		}
	}

	@Test
	void annexFilingForm_optionsAreExactlyTheContractsCodes() throws IOException {
		Map<String, Component> fields = fieldsByBinding(Path.of("forms/filing-application.form"));

		assertThat(optionValues(fields.get(FilingVariables.ORG_CATEGORY))).isEqualTo(ORG_CATEGORIES);
		assertThat(optionValues(fields.get(FilingVariables.SERVICE_ITEMS))).isEqualTo(SERVICE_ITEMS);
		assertThat(optionValues(fields.get(FilingVariables.IP_CATEGORIES))).isEqualTo(IP_CATEGORIES);
		assertThat(optionLabels(fields.get(FilingVariables.ORG_CATEGORY))).containsExactly("高校", "科研机构",
				"科技情报机构", "行业组织", "生产力促进机构", "公共图书馆", "博物馆", "相关服务机构");
	}

	@Test
	void art7_provinceAndRecommenderOptionsAreTheConfiguredOnes() throws IOException {
		JsonNode config = new YAMLMapper().readTree(RECOMMENDERS.toFile()).path("outlet");
		Map<String, String> provinces = new LinkedHashMap<>();
		config.path("provinces").properties().forEach(e -> provinces.put(e.getKey(), e.getValue().asText()));
		Map<String, String> recommenders = new LinkedHashMap<>();
		config.path("recommenders").forEach(r -> recommenders.put(r.path("id").asText(), r.path("name").asText()));
		assertThat(provinces).hasSize(31);
		assertThat(recommenders).containsKeys("110000", "650000", "xpcc", "moe", "most", "miit", "mct", "cas", "cast");

		for (String form : List.of("filing-application", "supplement-materials")) {
			Map<String, Component> fields = fieldsByBinding(Path.of("forms/" + form + ".form"));
			assertThat(options(fields.get(FilingVariables.PROVINCE))).as(form + " province")
				.containsExactlyEntriesOf(provinces);
			assertThat(options(fields.get(FilingVariables.RECOMMENDER_ID))).as(form + " recommenderId")
				.containsExactlyEntriesOf(recommenders);
		}
	}

	@Test
	void annexFilingForm_frontEndRulesMatchTheServersRules() throws IOException {
		Map<String, Component> fields = fieldsByBinding(Path.of("forms/filing-application.form"));

		// The limits themselves are the form's (README, "One definition of the 备案表"); the server reads them
		// from it and OneDefinitionTest checks rules and OpenAPI at each limit. Here: every text has one.
		fields.forEach((field, c) -> {
			if (c.type().equals("textfield") || c.type().equals("textarea")) {
				assertThat(validate(fields, field).path("maxLength").isInt()).as(field + " maxLength").isTrue();
				assertThat(validate(fields, field).path("maxLength").asInt()).as(field + " maxLength").isPositive();
			}
		});

		Set<String> optional = Set.of("platformName", "platformUrl", "independentLegalEntity", "provincialOutlet",
				"serviceItems", "ipCategories", "teamMembers", "typicalCases", "teamMembers.fullTime");
		fields.forEach((field, c) -> {
			if (!c.type().equals("dynamiclist")) {
				assertThat(validate(fields, field).path("required").asBoolean()).as(field + " required")
					.isEqualTo(!optional.contains(field));
			}
		});
		assertThat(validate(fields, "email").path("validationType").asText()).isEqualTo("email");
		for (String count : List.of("staffFullTime", "staffPartTime")) {
			assertThat(validate(fields, count).path("min").isInt()).as(count + " min").isTrue();
			assertThat(validate(fields, count).path("min").asInt()).as(count + " min").isZero();
			assertThat(validate(fields, count).path("max").asInt()).as(count + " max").isEqualTo(100000);
		}
		// staffTotal: FEEL bounds, both equal to full-time + part-time once both are filled in
		assertThat(validate(fields, "staffTotal").path("min").asText()).contains("staffFullTime + staffPartTime");
		assertThat(validate(fields, "staffTotal").path("max").asText()).contains("staffFullTime + staffPartTime");
	}

	@Test
	void annexFilingForm_patternsAcceptRealValuesAndRejectWrongOnes() throws IOException {
		Map<String, Component> fields = fieldsByBinding(Path.of("forms/filing-application.form"));
		Predicate<String> uscc = pattern(fields, "uscc");
		Predicate<String> phone = pattern(fields, "phone");
		Predicate<String> url = pattern(fields, "platformUrl");

		assertThat(uscc).accepts("91350100M000100Y43", "12100000400000624D");
		assertThat(uscc).rejects("91350100M000100Y4", "91350100M000100Y433", "I1350100M000100Y43",
				"91350100M000100Y4O", "9135010AM000100Y43", "91350100m000100y43");
		assertThat(phone).accepts("13812345678", "010-62083114", "02162083114", "0755-8888888", "010-62083114-123");
		assertThat(phone).rejects("12345678901", "1381234567", "62083114", "+86 13812345678", "010-1234");
		assertThat(url).accepts("https://www.cnipa.gov.cn", "http://example.org/ip");
		assertThat(url).rejects("www.cnipa.gov.cn", "ftp://example.org", "https://a b");
	}

	@Test
	void art6_declarationMustBeCheckedAndAttachmentsAreExplained() throws IOException {
		Path file = Path.of("forms/filing-application.form");
		Map<String, Component> fields = fieldsByBinding(file);

		assertThat(validate(fields, FilingVariables.DECLARATION_TRUTHFUL).path("required").asBoolean()).isTrue();
		assertThat(components(file).stream().filter(c -> c.type().equals("text")).map(c -> c.node().path("text").asText()))
			.anySatisfy(text -> assertThat(text).contains("相关工作制度").contains("盖章"));
	}

	@Test
	void supplementMaterials_editsEveryFieldWithTheStartFormsRules() throws IOException {
		Map<String, Component> start = fieldsByBinding(Path.of("forms/filing-application.form"));
		Path file = Path.of("forms/supplement-materials.form");
		Map<String, Component> supplement = fieldsByBinding(file);

		start.forEach((binding, field) -> {
			assertThat(supplement).as("supplement field " + binding).containsKey(binding);
			assertThat(withoutLayout(supplement.get(binding).node())).as(binding).isEqualTo(withoutLayout(field.node()));
		});
		Set<String> extra = supplement.keySet().stream().filter(k -> !start.containsKey(k)).collect(Collectors.toSet());
		assertThat(extra).containsExactly(FilingVariables.RECOMMENDER_OPINION);
		assertThat(supplement.get(FilingVariables.RECOMMENDER_OPINION).node().path("disabled").asBoolean()).isTrue();
		assertThat(texts(file)).anySatisfy(text -> assertThat(text).contains("{{supplementDeadline}}"));
	}

	// ------------------------------------------------------------------ decisions

	@Test
	void art7_preliminaryReviewDecidesWithTheContractsRecommendations() throws IOException {
		Path file = Path.of("forms/preliminary-review.form");
		assertDecision(file, FilingVariables.RECOMMENDATION, "RECOMMEND", "RETURN", "NOT_RECOMMEND");
		assertOpinion(file, FilingVariables.RECOMMENDER_OPINION);
		assertOnlyDecisionsAreSubmitted(file, FilingVariables.RECOMMENDATION, FilingVariables.RECOMMENDER_OPINION,
				FilingVariables.RECOMMENDER_HEAD, FilingVariables.FALSE_MATERIALS);
		assertHead(file, FilingVariables.RECOMMENDER_HEAD);
		assertFalseMaterialsShownOnlyWithARefusal(file, "=recommendation != \"NOT_RECOMMEND\"");
		assertShowsTheWholeApplication(file);
		assertShowsSignature(file, FilingVariables.APPLICANT_HANDLER, FilingVariables.APPLICANT_HEAD,
				FilingVariables.APPLICANT_SIGNED_ON, FilingVariables.APPLICANT_OPINION);
	}

	@Test
	void art7_cnipaReviewDecidesWithTheContractsFilingDecisions() throws IOException {
		Path file = Path.of("forms/cnipa-review.form");
		assertDecision(file, FilingVariables.FILING_DECISION, "APPROVE", "REJECT");
		assertOpinion(file, FilingVariables.CNIPA_OPINION);
		assertOnlyDecisionsAreSubmitted(file, FilingVariables.FILING_DECISION, FilingVariables.FALSE_MATERIALS,
				FilingVariables.CNIPA_OPINION, FilingVariables.CNIPA_HEAD);
		assertHead(file, FilingVariables.CNIPA_HEAD);
		assertFalseMaterialsShownOnlyWithARefusal(file, "=filingDecision != \"REJECT\"");
		assertShowsTheWholeApplication(file);
		assertShowsSignature(file, FilingVariables.APPLICANT_HANDLER, FilingVariables.APPLICANT_HEAD,
				FilingVariables.APPLICANT_SIGNED_ON, FilingVariables.APPLICANT_OPINION);
		assertShowsSignature(file, FilingVariables.RECOMMENDER_HANDLER, FilingVariables.RECOMMENDER_HEAD,
				FilingVariables.RECOMMENDER_SIGNED_ON, FilingVariables.RECOMMENDER_OPINION);
		Map<String, Component> fields = fieldsByBinding(file);
		assertThat(fields).containsKeys(FilingVariables.RECOMMENDATION, FilingVariables.RECOMMENDER_OPINION);
		assertThat(optionValues(fields.get(FilingVariables.RECOMMENDATION))).containsExactly("RECOMMEND", "RETURN",
				"NOT_RECOMMEND");
	}

	@Test
	void art7_handleObjectionDecidesWhetherTheObjectionIsUpheld() throws IOException {
		Path file = Path.of("forms/handle-objection.form");
		assertDecision(file, FilingVariables.OBJECTION_UPHELD, "true", "false");
		assertOpinion(file, FilingVariables.OBJECTION_FINDING);
		assertOnlyDecisionsAreSubmitted(file, FilingVariables.OBJECTION_UPHELD, FilingVariables.FALSE_MATERIALS,
				FilingVariables.OBJECTION_FINDING, FilingVariables.CNIPA_HEAD);
		assertHead(file, FilingVariables.CNIPA_HEAD);
		assertFalseMaterialsShownOnlyWithARefusal(file, "=objectionUpheld != \"true\"");
		assertThat(fieldsByBinding(file)).containsKeys(FilingVariables.OBJECTION, FilingVariables.OBJECTOR_CONTACT,
				FilingVariables.ORG_NAME, FilingVariables.USCC, FilingVariables.ORG_CATEGORY,
				FilingVariables.ADDRESS, FilingVariables.SERVICE_ITEMS);
		assertThat(texts(file)).anySatisfy(text -> assertThat(text).contains("{{applicationNo}}"));
	}

	@Test
	void art18_confirmFalseMaterialsDecidesOnTheRecommendersFinding() throws IOException {
		Path file = Path.of("forms/confirm-false-materials.form");
		assertDecision(file, FilingVariables.FALSE_MATERIALS_CONFIRMED, "true", "false");
		assertOpinion(file, FilingVariables.FALSE_MATERIALS_DECISION);
		assertOnlyDecisionsAreSubmitted(file, FilingVariables.FALSE_MATERIALS_CONFIRMED,
				FilingVariables.FALSE_MATERIALS_DECISION, FilingVariables.CNIPA_HEAD);
		assertHead(file, FilingVariables.CNIPA_HEAD);
		assertShowsSignature(file, FilingVariables.RECOMMENDER_OPINION, FilingVariables.RECOMMENDER_HANDLER,
				FilingVariables.RECOMMENDER_HEAD, FilingVariables.RECOMMENDER_SIGNED_ON, FilingVariables.ORG_NAME,
				FilingVariables.USCC);
		assertThat(texts(file)).anySatisfy(text -> assertThat(text).contains("{{applicationNo}}"));
	}

	private static void assertDecision(Path file, String variable, String... values) throws IOException {
		Component decision = fieldsByBinding(file).get(variable);
		assertThat(decision).as(file + " decision " + variable).isNotNull();
		assertThat(decision.type()).isEqualTo("radio");
		assertThat(decision.node().path("validate").path("required").asBoolean()).as(variable + " required").isTrue();
		assertThat(decision.node().path("disabled").asBoolean()).isFalse();
		assertThat(optionValues(decision)).containsExactly(values);
	}

	private static void assertOpinion(Path file, String variable) throws IOException {
		Component opinion = fieldsByBinding(file).get(variable);
		assertThat(opinion).as(file + " opinion " + variable).isNotNull();
		assertThat(opinion.type()).isEqualTo("textarea");
		assertThat(opinion.node().path("validate").path("required").asBoolean()).isTrue();
		assertThat(opinion.node().path("validate").path("maxLength").asInt()).isEqualTo(2000);
	}

	/** 负责人 (填表说明 三): named, required, as long as the server allows. */
	private static void assertHead(Path file, String variable) throws IOException {
		Component head = fieldsByBinding(file).get(variable);
		assertThat(head).as(file + " head " + variable).isNotNull();
		assertThat(head.type()).isEqualTo("textfield");
		assertThat(head.node().path("disabled").asBoolean()).isFalse();
		assertThat(head.node().path("validate").path("required").asBoolean()).as(variable + " required").isTrue();
		assertThat(head.node().path("validate").path("maxLength").asInt()).isEqualTo(50);
	}

	/** An earlier section's signature, shown read-only: 经办人, 负责人, date and opinion. */
	private static void assertShowsSignature(Path file, String... variables) throws IOException {
		Map<String, Component> fields = fieldsByBinding(file);
		for (String variable : variables) {
			assertThat(fields).as(file + " shows " + variable).containsKey(variable);
			assertThat(fields.get(variable).node().path("disabled").asBoolean()).as(file + " " + variable + " read-only")
				.isTrue();
		}
	}

	/** A reviewer's completion must not write the application back: everything else is disabled. */
	private static void assertOnlyDecisionsAreSubmitted(Path file, String... decisions) throws IOException {
		Map<String, Component> fields = fieldsByBinding(file);
		List<String> submitted = fields.entrySet()
			.stream()
			.filter(e -> !e.getValue().node().path("disabled").asBoolean())
			.map(Map.Entry::getKey)
			.toList();
		assertThat(submitted).as(file + " fields submitted on completion").containsExactlyInAnyOrder(decisions);
		assertThat(fields.values()).noneMatch(c -> c.type().equals("dynamiclist"));
	}

	private static void assertShowsTheWholeApplication(Path file) throws IOException {
		Map<String, Component> fields = fieldsByBinding(file);
		FILING_FIELDS.forEach((variable, type) -> {
			if (!type.equals("dynamiclist")) {
				assertThat(fields).as(file + " shows " + variable).containsKey(variable);
				assertThat(fields.get(variable).type()).as(file + " " + variable).isEqualTo(type);
			}
		});
		List<String> texts = texts(file);
		Map<String, Component> start = fieldsByBinding(Path.of("forms/filing-application.form"));
		assertShowsListAsTable(file, FilingVariables.TEAM_MEMBERS, start, "name", "role", "fullTime", "resume");
		assertShowsListAsTable(file, FilingVariables.TYPICAL_CASES, start, "name", "period", "content");
		assertThat(texts).anySatisfy(text -> assertThat(text).contains("{{applicationNo}}"));
		for (String choice : List.of(FilingVariables.ORG_CATEGORY, FilingVariables.SERVICE_ITEMS,
				FilingVariables.IP_CATEGORIES, FilingVariables.RECOMMENDER_ID, FilingVariables.PROVINCE)) {
			assertThat(fields.get(choice).node().path("values")).as(file + " labels of " + choice)
				.isEqualTo(start.get(choice).node().path("values"));
		}
	}

	/** A read-only list: a table over the list whose columns are the start form's items, with their labels. */
	private static void assertShowsListAsTable(Path file, String list, Map<String, Component> start,
			String... columns) throws IOException {
		List<JsonNode> tables = components(file).stream()
			.filter(c -> c.type().equals("table"))
			.map(Component::node)
			.filter(t -> t.path("dataSource").asText().matches("=.*\\b" + list + "\\b.*"))
			.toList();
		assertThat(tables).as(file + " table of " + list).hasSize(1);
		JsonNode table = tables.get(0);
		assertThat(table.has("rowCount")).as(list + " shows every row on one page").isFalse();
		List<String> keys = new ArrayList<>();
		table.path("columns").forEach(column -> {
			String key = column.path("key").asText();
			keys.add(key);
			// a boolean cell would stay empty: the team's dataSource maps fullTime to 专职/兼职
			String label = key.equals("fullTime") ? "专职/兼职" : start.get(list + "." + key).node().path("label").asText();
			assertThat(column.path("label").asText()).as(list + " column " + key).isEqualTo(label);
		});
		assertThat(keys).as(list + " columns").containsExactly(columns);
		if (keys.contains("fullTime")) {
			assertThat(table.path("dataSource").asText()).contains("\"专职\"", "\"兼职\"");
		}
	}

	// ------------------------------------------------------------------ reading forms

	/** A component with the binding path of its value (dynamic-list children are below the list's path). */
	/** Art. 18: the false-materials finding is a checkbox offered only when the application is refused. */
	private void assertFalseMaterialsShownOnlyWithARefusal(Path file, String hideExpression) throws IOException {
		Component finding = fieldsByBinding(file).get(FilingVariables.FALSE_MATERIALS);
		assertThat(finding).as(file + " falseMaterials").isNotNull();
		assertThat(finding.type()).isEqualTo("checkbox");
		assertThat(finding.node().path("conditional").path("hide").asText()).isEqualTo(hideExpression);
	}

	record Component(JsonNode node, String binding) {

		String type() {
			return node.path("type").asText();
		}

		String key() {
			return node.hasNonNull("key") ? node.path("key").asText() : null;
		}

	}

	private static String formId(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".form".length());
	}

	private static List<Component> components(Path file) throws IOException {
		List<Component> all = new ArrayList<>();
		collect(JSON.readTree(file.toFile()).path("components"), "", all);
		return all;
	}

	private static void collect(JsonNode components, String prefix, List<Component> into) {
		for (JsonNode node : components) {
			String own = node.hasNonNull("key") ? node.path("key").asText()
					: node.hasNonNull("path") ? node.path("path").asText() : null;
			String binding = own == null ? null : prefix + own;
			into.add(new Component(node, binding));
			if (node.has("components")) {
				String childPrefix = node.hasNonNull("path") ? prefix + node.path("path").asText() + "." : prefix;
				collect(node.path("components"), childPrefix, into);
			}
		}
	}

	private static Map<String, Component> fieldsByBinding(Path file) throws IOException {
		Map<String, Component> fields = new LinkedHashMap<>();
		for (Component c : components(file)) {
			if (c.binding() != null) {
				fields.put(c.binding(), c);
			}
		}
		return fields;
	}

	private static List<String> texts(Path file) throws IOException {
		return components(file).stream()
			.filter(c -> c.type().equals("text"))
			.map(c -> c.node().path("text").asText())
			.toList();
	}

	private static JsonNode validate(Map<String, Component> fields, String binding) {
		Component c = fields.get(binding);
		if (c == null) {
			fail("no field " + binding);
		}
		return c.node().path("validate");
	}

	private static Predicate<String> pattern(Map<String, Component> fields, String binding) {
		Pattern pattern = Pattern.compile(validate(fields, binding).path("pattern").asText());
		return value -> pattern.matcher(value).find();
	}

	private static List<String> optionValues(Component c) {
		List<String> values = new ArrayList<>();
		c.node().path("values").forEach(v -> values.add(v.path("value").asText()));
		return values;
	}

	private static List<String> optionLabels(Component c) {
		List<String> labels = new ArrayList<>();
		c.node().path("values").forEach(v -> labels.add(v.path("label").asText()));
		return labels;
	}

	private static Map<String, String> options(Component c) {
		Map<String, String> options = new LinkedHashMap<>();
		c.node().path("values").forEach(v -> options.put(v.path("value").asText(), v.path("label").asText()));
		return options;
	}

	private static JsonNode withoutLayout(JsonNode node) {
		ObjectNode copy = node.deepCopy();
		copy.remove("layout");
		copy.remove("components");
		return copy;
	}

}
