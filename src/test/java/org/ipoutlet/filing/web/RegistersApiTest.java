package org.ipoutlet.filing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.institution.ExemptInstitutions;
import org.ipoutlet.institution.ProvincialOutlets;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registers behind the eligibility check (README, "Registers behind the eligibility check"): the
 * provincial offices' lists of provincial outlets (Art. 7(一)) and CNIPA's list of exempt institutions
 * (Art. 19), kept through the API and CSV imports, and what the eligibility check makes of them.
 */
@WebTest
class RegistersApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	ProvincialOutlets provincialOutlets;

	@Autowired
	ExemptInstitutions exempt;

	FilingApi api;

	@BeforeEach
	void setUp() {
		api = new FilingApi(port);
		identity.clearAuthentication();
	}

	// --- Art. 7(一): the provincial route and the register of provincial outlets

	@Test
	void Art7_provincialRouteWithAndWithoutAnEntryInTheProvincialRegister() {
		String registered = FilingFixtures.newUscc();
		assertThat(api.postJson("shanghai", "/api/provincial-outlets", entry(registered, "310000")).status()).isEqualTo(201);
		String pi = submitted(registered);
		assertThat(variable(pi, ELIGIBLE)).isEqualTo(true);
		assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TaskKeys.PRELIMINARY_REVIEW)
			.taskCandidateGroup("recommender-310000").count()).isEqualTo(1);

		String unregistered = FilingFixtures.newUscc();
		String refused = submitted(unregistered);
		assertThat(variable(refused, OUTCOME)).isEqualTo("INELIGIBLE");
		assertThat(JsonValues.codes(variable(refused, INELIGIBILITY_REASONS))).containsExactly("NOT_PROVINCIAL_OUTLET");

		// A provincial outlet of Beijing is not one of Shanghai's.
		String beijings = FilingFixtures.newUscc();
		assertThat(api.postJson("beijing", "/api/provincial-outlets", entry(beijings, "110000")).status()).isEqualTo(201);
		String elsewhere = submitted(beijings);
		assertThat(JsonValues.codes(variable(elsewhere, INELIGIBILITY_REASONS))).containsExactly("NOT_PROVINCIAL_OUTLET");
	}

	@Test
	void Art7_onlyTheProvincesOwnOfficeKeepsItsProvincialOutlets() {
		String uscc = FilingFixtures.newUscc();
		for (String other : List.of("beijing", "mct", "cnipa", "applicant", "auditor")) {
			Response refused = api.postJson(other, "/api/provincial-outlets", entry(uscc, "310000"));
			assertThat(refused.status()).as(other).isEqualTo(403);
		}
		assertThat(provincialOutlets.find(uscc)).isEmpty();
		assertThat(api.postJson(null, "/api/provincial-outlets", entry(uscc, "310000")).status()).isEqualTo(401);

		Response created = api.postJson("shanghai", "/api/provincial-outlets", entry(uscc, "310000"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("recordedBy").asText()).isEqualTo("shanghai");
		assertThat(created.json().path("provinceOffice").asText()).isEqualTo("上海市知识产权局");
		Map<String, Object> changed = entry(uscc, "310000");
		changed.put("provincialFilingNo", "沪知信网-2025-099");
		assertThat(api.postJson("shanghai", "/api/provincial-outlets", changed).status()).as("updated").isEqualTo(200);
		assertThat(provincialOutlets.find(uscc).orElseThrow().provincialFilingNo()).isEqualTo("沪知信网-2025-099");

		Response otherProvince = api.postJson("beijing", "/api/provincial-outlets", entry(uscc, "110000"));
		assertThat(otherProvince.status()).isEqualTo(409);
		assertThat(otherProvince.json().path("messageZh").asText()).contains("上海市知识产权局").contains("省级网点名录");
		assertThat(provincialOutlets.find(uscc).orElseThrow().province()).isEqualTo("310000");

		// Who reads: the reviewers, not the applicants.
		assertThat(api.get("applicant", "/api/provincial-outlets").status()).isEqualTo(403);
		for (String reader : List.of("shanghai", "beijing", "mct", "cnipa", "auditor", "admin")) {
			Response list = api.get(reader, "/api/provincial-outlets?province=310000");
			assertThat(list.status()).as(reader).isEqualTo(200);
			assertThat(list.json().findValuesAsText("uscc")).as(reader).contains(uscc);
			assertThat(list.json().findValuesAsText("province")).as(reader).containsOnly("310000");
		}

		assertThat(api.client().send(delete("beijing", "/api/provincial-outlets/" + uscc)).status()).isEqualTo(403);
		assertThat(api.client().send(delete("shanghai", "/api/provincial-outlets/" + uscc)).status()).isEqualTo(204);
		assertThat(provincialOutlets.find(uscc)).isEmpty();
		assertThat(api.client().send(delete("shanghai", "/api/provincial-outlets/" + uscc)).status()).isEqualTo(404);
	}

	@Test
	void aRefusedEntryNamesEveryFieldAndRuleInBothLanguages() {
		Map<String, Object> bad = new LinkedHashMap<>();
		String uscc = FilingFixtures.newUscc();
		bad.put("uscc", uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'));
		bad.put("province", "999999");
		bad.put("filedOn", "2999-01-01");
		Response refused = api.postJson("shanghai", "/api/provincial-outlets", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(fieldRules(refused)).containsExactlyInAnyOrder("uscc:checkCharacter", "orgName:required",
				"province:enum", "provincialFilingNo:required", "filedOn:notFuture");
		assertThat(refused.json().path("errors").findValuesAsText("messageZh"))
			.allSatisfy(zh -> assertThat(zh).containsPattern("\\p{IsHan}"));
		assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");

		Map<String, Object> unknown = entry(FilingFixtures.newUscc(), "310000");
		unknown.put("provincialOutlet", true);
		assertThat(fieldRules(api.postJson("shanghai", "/api/provincial-outlets", unknown)))
			.containsExactly("provincialOutlet:unknown");
		Map<String, Object> badDate = entry(FilingFixtures.newUscc(), "310000");
		badDate.put("filedOn", "去年五月");
		assertThat(fieldRules(api.postJson("shanghai", "/api/provincial-outlets", badDate))).containsExactly("filedOn:date");
	}

	@Test
	void Art7_aCsvImportStoresEveryRowOrNoneAndReportsEveryRowsErrorsAtOnce() {
		String first = FilingFixtures.newUscc();
		String second = FilingFixtures.newUscc();
		String wrong = FilingFixtures.newUscc();
		wrong = wrong.substring(0, 17) + (wrong.charAt(17) == '0' ? '1' : '0');
		String beijings = FilingFixtures.newUscc();
		// Excel's "CSV UTF-8": a byte-order mark, Chinese headings, dates as Excel writes them.
		String bad = "\uFEFF统一社会信用代码,机构名称,省份,省级网点备案编号,备案日期\r\n"
				+ first + ",上海市某区图书馆,310000,沪知信网-2024-011,2024/5/20\r\n"
				+ wrong + ",上海市某研究所,310000,沪知信网-2024-012,2024-05-20\r\n"
				+ beijings + ",北京市某图书馆,110000,京知信网-2024-001,2024-05-20\r\n"
				+ first + ",\"上海市某区图书馆（分馆）\",310000,,2024-05-20\r\n"
				+ second + ",上海市某科技馆,310000,沪知信网-2024-013,2024-05-21\r\n";
		Response refused = importCsv("shanghai", "/api/provincial-outlets/import", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(fieldRules(refused)).containsExactlyInAnyOrder("rows[3].uscc:checkCharacter",
				"rows[4].province:jurisdiction", "rows[5].provincialFilingNo:required");
		assertThat(refused.json().path("errors").findValuesAsText("messageZh")).anySatisfy(zh -> assertThat(zh)
			.startsWith("第3行：统一社会信用代码"));
		assertThat(provincialOutlets.find(first)).as("nothing stored").isEmpty();
		assertThat(provincialOutlets.find(second)).as("nothing stored").isEmpty();

		String duplicate = "uscc,orgName,province,provincialFilingNo,filedOn\n" + first + ",甲,310000,A-1,2024-05-20\n"
				+ first + ",甲,310000,A-1,2024-05-20\n";
		assertThat(fieldRules(importCsv("shanghai", "/api/provincial-outlets/import",
				duplicate.getBytes(StandardCharsets.UTF_8)))).containsExactly("rows[3].uscc:unique");

		String good = "\uFEFF统一社会信用代码,机构名称,省份,省级网点备案编号,备案日期\r\n"
				+ first + ",上海市某区图书馆,310000,沪知信网-2024-011,2024/5/20\r\n"
				+ second + ",\"上海市某科技馆, 浦东\",310000,沪知信网-2024-013,2024-05-21\r\n";
		Response imported = importCsv("shanghai", "/api/provincial-outlets/import", good.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().path("rows").asInt()).isEqualTo(2);
		assertThat(imported.json().path("created").asInt()).isEqualTo(2);
		assertThat(provincialOutlets.find(first).orElseThrow().filedOn()).hasToString("2024-05-20");
		assertThat(provincialOutlets.find(second).orElseThrow().orgName()).isEqualTo("上海市某科技馆, 浦东");
		assertThat(provincialOutlets.find(second).orElseThrow().recordedBy()).isEqualTo("shanghai");
		// Imported again: updated, not doubled.
		Response again = importCsv("shanghai", "/api/provincial-outlets/import", good.getBytes(StandardCharsets.UTF_8));
		assertThat(again.json().path("updated").asInt()).isEqualTo(2);
		// The imported institution is now eligible on Shanghai's route.
		assertThat(variable(submitted(second), ELIGIBLE)).isEqualTo(true);
	}

	@Test
	void aCsvThatIsNotUtf8OrLacksAColumnIsRefusedAsAWhole() {
		String uscc = FilingFixtures.newUscc();
		String text = "统一社会信用代码,机构名称,省份,省级网点备案编号,备案日期\n" + uscc + ",上海市某图书馆,310000,沪-1,2024-05-20\n";
		Response gbk = importCsv("shanghai", "/api/provincial-outlets/import", text.getBytes(Charset.forName("GBK")));
		assertThat(gbk.status()).isEqualTo(400);
		assertThat(fieldRules(gbk)).containsExactly("body:encoding");
		assertThat(gbk.json().path("errors").get(0).path("messageZh").asText()).contains("UTF-8");

		String noDate = "uscc,orgName,province,provincialFilingNo\n" + uscc + ",上海市某图书馆,310000,沪-1\n";
		assertThat(fieldRules(importCsv("shanghai", "/api/provincial-outlets/import",
				noDate.getBytes(StandardCharsets.UTF_8)))).containsExactly("columns:required");
		assertThat(fieldRules(importCsv("shanghai", "/api/provincial-outlets/import",
				"uscc,orgName,province,provincialFilingNo,filedOn\n".getBytes(StandardCharsets.UTF_8))))
			.containsExactly("rows:required");
		assertThat(importCsv("applicant", "/api/provincial-outlets/import", text.getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(403);
		assertThat(provincialOutlets.find(uscc)).isEmpty();
	}

	// --- Art. 19: the exempt list, maintained by CNIPA

	@Test
	void Art19_exemptListImportAndItsEffectOnEligibility() {
		String tisc = FilingFixtures.newUscc();
		String node = FilingFixtures.newUscc();
		String csv = "uscc,orgName,exemption,note\n" + tisc + ",某技术与创新支持中心,技术与创新支持中心（TISC）,第三批\n"
				+ node + ",某知识产权公共服务骨干节点,SERVICE_NODE,\n";
		for (String other : List.of("shanghai", "applicant", "auditor", "admin")) {
			assertThat(importCsv(other, "/api/exempt-institutions/import", csv.getBytes(StandardCharsets.UTF_8)).status())
				.as(other).isEqualTo(403);
		}
		String withBadRow = csv + FilingFixtures.newUscc() + ",某机构,BANK,\n";
		Response refused = importCsv("cnipa", "/api/exempt-institutions/import", withBadRow.getBytes(StandardCharsets.UTF_8));
		assertThat(fieldRules(refused)).containsExactly("rows[4].exemption:enum");
		assertThat(exempt.exemptionOf(tisc)).as("nothing stored").isEmpty();

		Response imported = importCsv("cnipa", "/api/exempt-institutions/import", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(exempt.exemptionOf(tisc)).contains(ExemptInstitutions.Exemption.TISC);
		assertThat(exempt.exemptionOf(node)).contains(ExemptInstitutions.Exemption.SERVICE_NODE);
		JsonNode listed = api.get("shanghai", "/api/exempt-institutions").json();
		JsonNode entry = find(listed, tisc);
		assertThat(entry.path("exemptionLabel").asText()).isEqualTo("技术与创新支持中心（TISC）");
		assertThat(entry.path("recordedBy").asText()).isEqualTo("cnipa");
		assertThat(api.get("applicant", "/api/exempt-institutions").status()).isEqualTo(403);

		// The institution is also a provincial outlet of Shanghai: only the exemption stands in the way.
		assertThat(api.postJson("shanghai", "/api/provincial-outlets", entry(tisc, "310000")).status()).isEqualTo(201);
		String pi = submitted(tisc);
		assertThat(JsonValues.codes(variable(pi, INELIGIBILITY_REASONS))).containsExactly("EXEMPT_INSTITUTION");

		assertThat(api.client().send(delete("shanghai", "/api/exempt-institutions/" + tisc)).status()).isEqualTo(403);
		assertThat(api.client().send(delete("cnipa", "/api/exempt-institutions/" + tisc)).status()).isEqualTo(204);
		String again = submitted(tisc);
		assertThat(variable(again, ELIGIBLE)).as("off the list, eligible again").isEqualTo(true);
	}

	@Test
	void Art19_cnipaRecordsOneExemptInstitutionWithWhoAndWhen() {
		String uscc = FilingFixtures.newUscc();
		Map<String, Object> body = Map.of("uscc", uscc, "orgName", "某国家级知识产权保护中心", "exemption", "PROTECTION_CENTRE");
		assertThat(api.postJson("shanghai", "/api/exempt-institutions", body).status()).isEqualTo(403);
		Response created = api.postJson("cnipa", "/api/exempt-institutions", body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("recordedAt").asText()).isNotBlank();
		assertThat(api.postJson("cnipa", "/api/exempt-institutions", body).status()).isEqualTo(200);
		assertThat(fieldRules(api.postJson("cnipa", "/api/exempt-institutions", Map.of("uscc", uscc, "exemption", "X"))))
			.containsExactlyInAnyOrder("orgName:required", "exemption:enum");
		assertThat(exempt.list()).filteredOn(e -> e.uscc().equals(uscc)).singleElement()
			.satisfies(e -> assertThat(e.recordedBy()).isEqualTo("cnipa"));
	}

	@Test
	void theOpenApiDocumentDescribesTheRegistersAndTheirImports() {
		JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");
		for (String path : List.of("/api/provincial-outlets", "/api/exempt-institutions")) {
			assertThat(paths.path(path).has("get")).as(path).isTrue();
			assertThat(paths.path(path).path("post").path("requestBody").path("content").has("application/json"))
				.as(path).isTrue();
			assertThat(paths.path(path).path("post").path("responses").path("400").path("content")
				.has("application/problem+json")).as(path).isTrue();
			assertThat(paths.path(path + "/import").path("post").path("requestBody").path("content").has("text/csv"))
				.as(path + "/import").isTrue();
			assertThat(paths.path(path + "/{uscc}").has("delete")).as(path).isTrue();
		}
		assertThat(paths.path("/api/provincial-outlets").path("post").path("responses").has("409")).isTrue();
	}

	// --- helpers

	private static Map<String, Object> entry(String uscc, String province) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("uscc", uscc);
		entry.put("orgName", "某高校图书馆");
		entry.put("province", province);
		entry.put("provincialFilingNo", "省网点-2024-" + uscc.substring(12, 17));
		entry.put("filedOn", "2024-05-20");
		return entry;
	}

	/** Submits the fixture's 备案表 for {@code uscc} without entering it in any register, and runs the eligibility check. */
	private String submitted(String uscc) {
		Map<String, Object> body = new LinkedHashMap<>();
		FilingFixtures.applicationOutsideRegister(uscc).forEach((name, value) -> body.put(name, JsonValues.toJava(value)));
		body.remove(APPLICANT);
		body.put(WORK_RULES, FilingApi.document("rules.pdf", FilingApi.PDF));
		body.put(SEALED_FORM, FilingApi.document("备案表-盖章.pdf", FilingApi.PDF));
		Response response = api.submit("applicant2", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String pi = runtime.createProcessInstanceQuery()
			.processDefinitionKey(ProcessKeys.OUTLET_FILING)
			.processInstanceBusinessKey(response.json().path("applicationNo").asText())
			.singleResult()
			.getId();
		Jobs.runDue(management, pi);
		return pi;
	}

	private Object variable(String pi, String name) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(name).singleResult()
			.getValue();
	}

	private Response importCsv(String user, String path, byte[] csv) {
		return api.client().send(api.client().request(path)
			.header("Content-Type", "text/csv")
			.header("Authorization", ApiClient.basic(user, user))
			.POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
	}

	private HttpRequest.Builder delete(String user, String path) {
		return api.client().request(path).header("Authorization", ApiClient.basic(user, user)).DELETE();
	}

	private static JsonNode find(JsonNode list, String uscc) {
		for (JsonNode node : list) {
			if (node.path("uscc").asText().equals(uscc)) {
				return node;
			}
		}
		throw new AssertionError(uscc + " not listed in " + list);
	}

	private static List<String> fieldRules(Response response) {
		List<String> rules = new ArrayList<>();
		response.json().path("errors").forEach(e -> rules.add(e.path("field").asText() + ":" + e.path("rule").asText()));
		return rules;
	}

}
