package org.ipoutlet.filing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bad input to the filing API is refused cleanly: each malformed request gets its status and, for
 * invalid input, the field and rule in the problem's {@code errors}; and after all of them not a
 * single process instance, application or outlet row, job or variable exists that did not before.
 */
@WebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFilingRequestsTest {

	private static final int MB = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcTemplate jdbc;

	private Map<String, Long> before;

	@BeforeAll
	void countBefore() {
		before = counts();
	}

	@AfterAll
	void nothingWasCreated() {
		assertThat(counts()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void malformedRequestIsRefused(Case c) {
		Response response = c.request().apply(new FilingApi(port));

		assertThat(response.status()).as(response.body()).isEqualTo(c.status());
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (!c.errors().isEmpty()) {
			List<String> errors = new ArrayList<>();
			for (JsonNode e : response.json().path("errors")) {
				errors.add(e.path("field").asText() + ":" + e.path("rule").asText());
				assertThat(e.path("message").asText()).isNotBlank();
				assertThat(e.path("messageZh").asText()).isNotBlank();
			}
			assertThat(errors).as(response.body()).contains(c.errors().toArray(String[]::new));
		}
	}

	static Stream<Named<Case>> cases() {
		List<Case> cases = new ArrayList<>();
		// Section 一: texts
		cases.add(json("missing orgName", b -> b.remove(ORG_NAME), "orgName:required"));
		cases.add(json("blank orgName", b -> b.put(ORG_NAME, "   "), "orgName:required"));
		cases.add(json("orgName of 101 characters", b -> b.put(ORG_NAME, "名".repeat(101)), "orgName:maxLength"));
		cases.add(json("5 MB of text in orgName (400, not 413)", b -> b.put(ORG_NAME, "a".repeat(5 * MB)),
				"orgName:maxLength"));
		cases.add(json("script tag in a name that is too long",
				b -> b.put(ORG_NAME, "<script>alert(1)</script>" + "x".repeat(100)), "orgName:maxLength"));
		cases.add(json("orgName as a number", b -> b.put(ORG_NAME, 123), "orgName:type"));
		cases.add(json("orgName as an object", b -> b.put(ORG_NAME, Map.of("zh", "某大学")), "orgName:type"));
		cases.add(json("control character in orgName", b -> b.put(ORG_NAME, "某\u0001大学"), "orgName:characters"));
		cases.add(json("missing orgNature", b -> b.remove(ORG_NATURE), "orgNature:required"));
		cases.add(json("missing address", b -> b.remove(ADDRESS), "address:required"));
		cases.add(json("address of 201 characters", b -> b.put(ADDRESS, "路".repeat(201)), "address:maxLength"));
		cases.add(json("missing headName", b -> b.remove(HEAD_NAME), "headName:required"));
		cases.add(json("missing contactTitle", b -> b.remove(CONTACT_TITLE), "contactTitle:required"));
		cases.add(json("missing serviceTargets", b -> b.remove(SERVICE_TARGETS), "serviceTargets:required"));
		// USCC
		cases.add(json("USCC with a wrong check character", b -> b.put(USCC, wrongCheckCharacter()), "uscc:checkCharacter"));
		cases.add(json("USCC of 17 characters", b -> b.put(USCC, "91310000123456789"), "uscc:length"));
		cases.add(json("USCC with a letter I", b -> b.put(USCC, "91310000I23456789X"), "uscc:characters"));
		cases.add(json("USCC of 19 characters", b -> b.put(USCC, "913100001234567890X"), "uscc:maxLength"));
		cases.add(json("missing USCC", b -> b.remove(USCC), "uscc:required"));
		cases.add(json("USCC as a number", b -> b.put(USCC, 913100001), "uscc:type"));
		// Enumerations
		cases.add(json("unknown category", b -> b.put(ORG_CATEGORY, "BANK"), "orgCategory:enum"));
		cases.add(json("category in lower case", b -> b.put(ORG_CATEGORY, "university"), "orgCategory:enum"));
		cases.add(json("missing category", b -> b.remove(ORG_CATEGORY), "orgCategory:required"));
		cases.add(json("unknown province", b -> b.put(PROVINCE, "999999"), "province:enum"));
		cases.add(json("missing province", b -> b.remove(PROVINCE), "province:required"));
		cases.add(json("unknown recommender", b -> b.put(RECOMMENDER_ID, "nobody"), "recommenderId:enum"));
		cases.add(json("recommender as a number", b -> b.put(RECOMMENDER_ID, 310000), "recommenderId:enum"));
		cases.add(json("unknown service item", b -> b.put(SERVICE_ITEMS, List.of("CONSULTATION", "LEGAL_ADVICE")),
				"serviceItems:enum"));
		cases.add(json("service items as a string", b -> b.put(SERVICE_ITEMS, "CONSULTATION"), "serviceItems:type"));
		cases.add(json("service item twice", b -> b.put(SERVICE_ITEMS, List.of("SEARCH", "SEARCH")), "serviceItems:unique"));
		cases.add(json("unknown IP category", b -> b.put(IP_CATEGORIES, List.of("COPYRIGHT")), "ipCategories:enum"));
		cases.add(json("IP category as a number", b -> b.put(IP_CATEGORIES, List.of(1)), "ipCategories:enum"));
		// Booleans
		cases.add(json("independentLegalEntity as yes", b -> b.put(INDEPENDENT_LEGAL_ENTITY, "yes"),
				"independentLegalEntity:type"));
		cases.add(json("independentLegalEntity as 1", b -> b.put(INDEPENDENT_LEGAL_ENTITY, 1),
				"independentLegalEntity:type"));
		cases.add(json("provincialOutlet is no field any more", b -> b.put("provincialOutlet", true), "provincialOutlet:unknown"));
		cases.add(json("declaration false", b -> b.put(DECLARATION_TRUTHFUL, false), "declarationTruthful:assertTrue"));
		cases.add(json("missing declaration", b -> b.remove(DECLARATION_TRUTHFUL), "declarationTruthful:required"));
		// Contact
		cases.add(json("bad e-mail", b -> b.put(EMAIL, "ip-at-example.edu.cn"), "email:email"));
		cases.add(json("e-mail with markup", b -> b.put(EMAIL, "<a@b.cn>"), "email:email"));
		cases.add(json("missing e-mail", b -> b.remove(EMAIL), "email:required"));
		cases.add(json("bad phone", b -> b.put(PHONE, "12345"), "phone:phone"));
		cases.add(json("phone with letters", b -> b.put(PHONE, "021-ABCDEFGH"), "phone:phone"));
		cases.add(json("URL with another scheme", b -> b.put(PLATFORM_URL, "ftp://ip.example.cn"), "platformUrl:url"));
		cases.add(json("javascript URL", b -> b.put(PLATFORM_URL, "javascript:alert(1)"), "platformUrl:url"));
		// Staff
		cases.add(json("negative full-time staff", b -> b.put(STAFF_FULL_TIME, -1), "staffFullTime:range"));
		cases.add(json("negative staff total", b -> b.put(STAFF_TOTAL, -12), "staffTotal:range"));
		cases.add(json("staff total is not full + part", b -> b.put(STAFF_TOTAL, 13), "staffTotal:staffSum"));
		cases.add(json("staff total as a string", b -> b.put(STAFF_TOTAL, "12"), "staffTotal:type"));
		cases.add(json("staff total as a fraction", b -> b.put(STAFF_TOTAL, 12.5), "staffTotal:type"));
		cases.add(json("staff count out of range", b -> b.put(STAFF_PART_TIME, 100001), "staffPartTime:range"));
		cases.add(json("missing part-time staff", b -> b.remove(STAFF_PART_TIME), "staffPartTime:required"));
		// Sections 二–五
		cases.add(json("work foundation too long", b -> b.put(WORK_FOUNDATION, "字".repeat(3001)),
				"workFoundation:maxLength"));
		cases.add(json("missing development plan", b -> b.remove(DEVELOPMENT_PLAN), "developmentPlan:required"));
		cases.add(json("0 team members", b -> b.put(TEAM_MEMBERS, List.of()), "teamMembers:size"));
		cases.add(json("missing team members", b -> b.remove(TEAM_MEMBERS), "teamMembers:required"));
		cases.add(json("team members as text", b -> b.put(TEAM_MEMBERS, "王五"), "teamMembers:type"));
		cases.add(json("team member as text", b -> b.put(TEAM_MEMBERS, List.of("王五")), "teamMembers[0]:type"));
		cases.add(json("team member without a name", b -> b.put(TEAM_MEMBERS, List.of(member(m -> m.remove("name")))),
				"teamMembers[0].name:required"));
		cases.add(json("team member with an unknown property",
				b -> b.put(TEAM_MEMBERS, List.of(member(m -> m.put("salary", 10000)))), "teamMembers[0].salary:unknown"));
		cases.add(json("team member fullTime as text",
				b -> b.put(TEAM_MEMBERS, List.of(member(m -> m.put("fullTime", "sometimes")))),
				"teamMembers[0].fullTime:type"));
		cases.add(json("3 typical cases", b -> b.put(TYPICAL_CASES, List.of(typicalCase(), typicalCase(), typicalCase())),
				"typicalCases:size"));
		cases.add(json("0 typical cases", b -> b.put(TYPICAL_CASES, List.of()), "typicalCases:size"));
		cases.add(json("typical case content too long",
				b -> b.put(TYPICAL_CASES, List.of(Map.of("name", "案例", "period", "2024年", "content", "效".repeat(1501)))),
				"typicalCases[0].content:maxLength"));
		cases.add(json("missing applicantHead", b -> b.remove(APPLICANT_HEAD), "applicantHead:required"));
		// Unknown properties: the applicant and the outcome are the engine's, not the client's
		cases.add(json("unknown property applicant", b -> b.put(APPLICANT, "cnipa"), "applicant:unknown"));
		// 六's 经办人 is the submitting user, never typed (README, "Sections 六–八: signed and dated opinions")
		cases.add(json("typed applicantHandler", b -> b.put(APPLICANT_HANDLER, "李四"), "applicantHandler:unknown"));
		cases.add(json("missing applicantOpinion", b -> b.remove(APPLICANT_OPINION), "applicantOpinion:required"));
		cases.add(json("unknown property eligible", b -> b.put(ELIGIBLE, true), "eligible:unknown"));
		cases.add(json("unknown property and a missing field", b -> {
			b.put("orgname", "typo");
			b.remove(ORG_NAME);
		}, "orgname:unknown", "orgName:required"));
		cases.add(json("every field missing", b -> b.clear(), "orgName:required", "uscc:required",
				"orgCategory:required", "teamMembers:required", "typicalCases:required", "declarationTruthful:required",
				"workRules:required"));
		// The document
		cases.add(json("no work rules", b -> b.remove(WORK_RULES), "workRules:required"));
		cases.add(json("work rules as .exe", b -> b.put(WORK_RULES, FilingApi.document("rules.exe", FilingApi.PDF)),
				"workRules:fileType"));
		cases.add(json("work rules as .txt", b -> b.put(WORK_RULES, FilingApi.document("rules.txt", FilingApi.PDF)),
				"workRules:fileType"));
		cases.add(json("work rules without extension", b -> b.put(WORK_RULES, FilingApi.document("rules", FilingApi.PDF)),
				"workRules:fileType"));
		cases.add(json("empty work rules", b -> b.put(WORK_RULES, FilingApi.document("rules.pdf", new byte[0])),
				"workRules:fileSize"));
		cases.add(json("work rules over 10 MB (base64)",
				b -> b.put(WORK_RULES, FilingApi.document("rules.pdf", new byte[10 * MB + 1])), "workRules:fileSize"));
		cases.add(json("work rules not base64", b -> b.put(WORK_RULES, Map.of("filename", "rules.pdf", "contentBase64", "@@@!")),
				"workRules.contentBase64:base64"));
		cases.add(json("work rules without file name", b -> b.put(WORK_RULES, Map.of("contentBase64", "JVBERi0=")),
				"workRules.filename:required"));
		cases.add(json("work rules as text", b -> b.put(WORK_RULES, "rules.pdf"), "workRules:type"));
		cases.add(json("work rules with an unknown property",
				b -> b.put(WORK_RULES, Map.of("filename", "rules.pdf", "contentBase64", "JVBERi0=", "url", "http://x")),
				"workRules.url:unknown"));
		cases.add(json("sealed form as .docx", b -> b.put(SEALED_FORM, FilingApi.document("form.docx", FilingApi.PDF)),
				"sealedForm:fileType"));
		// Not a 备案表 at all
		cases.add(raw("broken JSON", "{\"orgName\": ", "body:json"));
		cases.add(raw("JSON array instead of object", "[{\"orgName\": \"某大学\"}]", "body:type"));
		cases.add(raw("JSON string instead of object", "\"某大学\"", "body:type"));
		cases.add(raw("JSON null", "null", "body:type"));
		cases.add(raw("empty body", "", "body:json"));
		cases.add(raw("trailing content after the object", "{} {}", "body:json"));
		cases.add(raw("duplicate property", "{\"orgName\": \"a\", \"orgName\": \"b\"}", "body:json"));
		cases.add(new Case("text/plain instead of JSON", api -> api.client()
			.send(api.client()
				.request("/api/filings")
				.header("Authorization", ApiClient.basic("applicant", "applicant"))
				.header("Content-Type", "text/plain")
				.POST(BodyPublishers.ofString("orgName=x", StandardCharsets.UTF_8))), 415, List.of()));
		// Multipart
		cases.add(multipart("multipart without application part", null,
				List.of(new FilingApi.FilePart(WORK_RULES, "rules.pdf", FilingApi.PDF)), 400, "application:required"));
		cases.add(multipart("multipart with .exe work rules", FilingApi.json(FilingApi.form(FilingFixtures.newUscc())),
				List.of(new FilingApi.FilePart(WORK_RULES, "setup.exe", FilingApi.PDF)), 400, "workRules:fileType"));
		cases.add(multipart("multipart with empty work rules", FilingApi.json(FilingApi.form(FilingFixtures.newUscc())),
				List.of(new FilingApi.FilePart(WORK_RULES, "rules.pdf", new byte[0])), 400, "workRules:fileSize"));
		cases.add(multipart("multipart without work rules", FilingApi.json(FilingApi.form(FilingFixtures.newUscc())),
				List.of(), 400, "workRules:required"));
		cases.add(multipart("multipart with work rules as a text field",
				FilingApi.json(FilingApi.form(FilingFixtures.newUscc())),
				List.of(new FilingApi.FilePart(WORK_RULES, null, FilingApi.PDF)), 400, "workRules:type"));
		cases.add(multipart("multipart with broken application JSON", "{\"orgName\":",
				List.of(new FilingApi.FilePart(WORK_RULES, "rules.pdf", FilingApi.PDF)), 400, "body:json"));
		cases.add(multipart("multipart with documents inline too", FilingApi.json(FilingApi.body(FilingFixtures.newUscc())),
				List.of(new FilingApi.FilePart(WORK_RULES, "rules.pdf", FilingApi.PDF)), 400, "workRules:unknown"));
		cases.add(multipart("multipart with invalid fields",
				FilingApi.json(with(FilingApi.form(FilingFixtures.newUscc()), b -> b.put(STAFF_TOTAL, -1))),
				List.of(new FilingApi.FilePart(WORK_RULES, "rules.pdf", FilingApi.PDF)), 400, "staffTotal:range"));
		cases.add(multipart("multipart file over 10 MB", FilingApi.json(FilingApi.form(FilingFixtures.newUscc())),
				List.of(new FilingApi.FilePart(WORK_RULES, "rules.pdf", new byte[10 * MB + 1])), 413));
		// Objections
		cases.add(objection("objection without text", Map.of(OBJECTOR_CONTACT, "13800000000"), "objection:required"));
		cases.add(objection("objection without contact", Map.of(OBJECTION, "异议"), "objectorContact:required"));
		cases.add(objection("objection without anything", Map.of(), "objection:required", "objectorContact:required"));
		cases.add(objection("objection too long", Map.of(OBJECTION, "异".repeat(2001), OBJECTOR_CONTACT, "13800000000"),
				"objection:maxLength"));
		cases.add(objection("objector contact too long", Map.of(OBJECTION, "异议", OBJECTOR_CONTACT, "1".repeat(201)),
				"objectorContact:maxLength"));
		cases.add(objection("objection as a number", Map.of(OBJECTION, 42, OBJECTOR_CONTACT, "13800000000"),
				"objection:type"));
		cases.add(objection("objection with unknown property",
				Map.of(OBJECTION, "异议", OBJECTOR_CONTACT, "13800000000", "objectionUpheld", true), "objectionUpheld:unknown"));
		cases.add(new Case("objection with broken JSON", api -> api.postJson(null, objectionPath(), "{\"objection\""),
				400, List.of("body:json")));
		cases.add(new Case("objection as a JSON array", api -> api.postJson(null, objectionPath(), "[\"异议\"]"), 400,
				List.of("body:type")));
		return cases.stream().map(c -> Named.of(c.name(), c));
	}

	// --- cases ---

	record Case(String name, Function<FilingApi, Response> request, int status, List<String> errors) {
	}

	/** A valid JSON submission changed by {@code change}, as an outlet user. */
	private static Case json(String name, Consumer<Map<String, Object>> change, String... errors) {
		return new Case(name, api -> api.submit("applicant", with(FilingApi.body(FilingFixtures.newUscc()), change)), 400,
				List.of(errors));
	}

	private static Case raw(String name, String body, String... errors) {
		return new Case(name, api -> api.submit("applicant", body), 400, List.of(errors));
	}

	private static Case multipart(String name, String application, List<FilingApi.FilePart> files, int status,
			String... errors) {
		return new Case(name, api -> api.submitMultipart("applicant", application, files), status, List.of(errors));
	}

	private static Case objection(String name, Map<String, Object> body, String... errors) {
		return new Case(name, api -> api.postJson(null, objectionPath(), body), 400, List.of(errors));
	}

	private static String objectionPath() {
		return "/api/filings/SQ-2026-999999/objections";
	}

	private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
		change.accept(body);
		return body;
	}

	private static Map<String, Object> member(Consumer<Map<String, Object>> change) {
		Map<String, Object> member = new LinkedHashMap<>(Map.of("name", "王五", "role", "主任", "fullTime", true,
				"resume", "从事专利检索十年"));
		change.accept(member);
		return member;
	}

	private static Map<String, Object> typicalCase() {
		return Map.of("name", "专利导航", "period", "2024年", "content", "为企业提供专利导航");
	}

	private static String wrongCheckCharacter() {
		String uscc = FilingFixtures.newUscc();
		return uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');
	}

	// --- what must not change ---

	private Map<String, Long> counts() {
		identity.clearAuthentication();
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("runtime process instances", runtime.createProcessInstanceQuery().count());
		counts.put("historic process instances", history.createHistoricProcessInstanceQuery().count());
		counts.put("jobs", management.createJobQuery().count());
		counts.put("runtime variables", runtime.createVariableInstanceQuery().count());
		counts.put("historic variables", history.createHistoricVariableInstanceQuery().count());
		counts.put("historic details", history.createHistoricDetailQuery().count());
		counts.put("filing_application rows", count("filing_application"));
		counts.put("outlet rows", count("outlet"));
		return counts;
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

}
