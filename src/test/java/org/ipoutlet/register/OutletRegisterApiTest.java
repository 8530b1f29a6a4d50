package org.ipoutlet.register;

import static org.assertj.core.api.Assertions.assertThat;
import org.ipoutlet.identity.WebTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/** Art. 8: the register of filed outlets is public, searchable and paged, over HTTP as JSON. */
@WebTest
class OutletRegisterApiTest {

	@LocalServerPort
	int port;

	@Autowired
	OutletRepository repository;

	ApiClient api;

	TestOutlets outlets;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		outlets = new TestOutlets(repository);
	}

	@Test
	void Art8_registerIsPublicWithBasicInformationAndServiceItems() {
		String filingNo = outlets.outlet(outlets.token() + "大学知识产权信息服务中心")
			.category("UNIVERSITY")
			.province("310000")
			.serviceItems("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES")
			.insert();

		Response response = api.get("/api/outlets?q=" + outlets.token());

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.path("totalItems").asLong()).isEqualTo(1);
		JsonNode outlet = page.path("items").get(0);
		assertThat(outlet.path("filingNo").asText()).isEqualTo(filingNo);
		assertThat(outlet.path("orgCategory").asText()).isEqualTo("UNIVERSITY");
		assertThat(outlet.path("orgCategoryLabel").asText()).isEqualTo("高校");
		assertThat(outlet.path("province").asText()).isEqualTo("310000");
		assertThat(outlet.path("provinceName").asText()).isEqualTo("上海市");
		assertThat(outlet.path("status").asText()).isEqualTo("FILED");
		assertThat(outlet.path("statusLabel").asText()).isEqualTo("有效");
		assertThat(outlet.path("phone").asText()).isEqualTo("021-12345678");
		assertThat(outlet.path("email").asText()).isEqualTo("ip@example.edu.cn");
		assertThat(outlet.path("validFrom").asText()).isEqualTo("2026-07-01");
		assertThat(outlet.path("validUntil").asText()).isEqualTo("2029-06-30");
		assertThat(texts(outlet.path("serviceItems"), "code")).containsExactly("CONSULTATION", "SEARCH", "TRAINING",
				"SME_SERVICES");
		assertThat(texts(outlet.path("serviceItems"), "label")).containsExactly("知识产权咨询服务", "知识产权信息查询检索服务",
				"知识产权宣传培训服务", "中小微企业知识产权服务");
		assertThat(texts(outlet.path("ipCategories"), "label")).containsExactly("专利", "商标");
		// People's names are not published, nor the USCC.
		assertThat(response.body()).doesNotContain("张三", "李四", "headName", "contactName", "uscc");
	}

	@Autowired
	OutletChanges changes;

	/**
	 * Art. 9, 10: the record shows 续期审核中 while a renewal applied for in time is under review, and the
	 * history of its public items with the change date; the head's and contact's names stay out.
	 */
	@Test
	void Art9_Art10_recordShowsRenewalUnderReviewAndTheChangeHistory() {
		String filingNo = outlets.outlet(outlets.token() + "研究院").category("RESEARCH_INSTITUTE").insert();
		Outlet outlet = repository.get(filingNo);
		outlet.applyForRenewal(outlet.validUntil().minusDays(10));
		repository.update(outlet);
		java.time.Instant at = java.time.Instant.parse("2027-09-08T02:00:00Z");
		changes.record(filingNo, List.of(
				new OutletChanges.Change("address", "上海市旧址1号", "上海市新址2号", java.time.LocalDate.of(2027, 9, 8), "cnipa", at),
				new OutletChanges.Change("headName", "张三", "王五", java.time.LocalDate.of(2027, 9, 8), "cnipa", at)));

		Response found = api.get("/api/outlets/" + filingNo);

		assertThat(found.status()).isEqualTo(200);
		JsonNode record = found.json();
		assertThat(record.path("status").asText()).isEqualTo("FILED");
		assertThat(record.path("statusLabel").asText()).isEqualTo("续期审核中");
		assertThat(record.path("changeHistory")).hasSize(1);
		JsonNode change = record.path("changeHistory").get(0);
		assertThat(change.path("field").asText()).isEqualTo("address");
		assertThat(change.path("oldValue").asText()).isEqualTo("上海市旧址1号");
		assertThat(change.path("newValue").asText()).isEqualTo("上海市新址2号");
		assertThat(change.path("changedOn").asText()).isEqualTo("2027-09-08");
		assertThat(found.body()).doesNotContain("王五", "cnipa");
	}

	@Test
	void Art8_oneOutletByFilingNumber_unknownIs404Problem() {
		String filingNo = outlets.outlet(outlets.token() + "图书馆").category("PUBLIC_LIBRARY").insert();

		Response found = api.get("/api/outlets/" + filingNo);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("orgCategoryLabel").asText()).isEqualTo("公共图书馆");

		Response missing = api.get("/api/outlets/" + outlets.token() + "-404");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().path("status").asInt()).isEqualTo(404);
		assertThat(missing.json().path("title").asText()).isEqualTo("Not found");
		assertThat(missing.json().path("detail").asText()).contains(outlets.token() + "-404");
		assertThat(missing.json().path("instance").asText()).isEqualTo("/api/outlets/" + outlets.token() + "-404");
	}

	@Test
	void filtersByProvinceAndCategory() {
		String shanghaiUniversity = outlets.outlet(outlets.token() + "甲").province("310000").insert();
		outlets.outlet(outlets.token() + "乙").province("110000").insert();
		String shanghaiLibrary = outlets.outlet(outlets.token() + "丙")
			.province("310000")
			.category("PUBLIC_LIBRARY")
			.insert();

		assertThat(filingNos("&province=310000")).containsExactly(shanghaiUniversity, shanghaiLibrary);
		assertThat(filingNos("&province=310000&category=PUBLIC_LIBRARY")).containsExactly(shanghaiLibrary);
		assertThat(filingNos("&category=MUSEUM")).isEmpty();
	}

	@Test
	void Art17_byDefaultOnlyOutletsHoldingAValidFilingAreListed() {
		String filed = outlets.outlet(outlets.token() + "有效").insert();
		String rectifying = outlets.outlet(outlets.token() + "整改").status(OutletStatus.RECTIFYING).insert();
		String revoked = outlets.outlet(outlets.token() + "撤销").status(OutletStatus.REVOKED).insert();
		String expired = outlets.outlet(outlets.token() + "过期").status(OutletStatus.EXPIRED).insert();

		assertThat(filingNos("")).containsExactly(filed, rectifying);
		assertThat(filingNos("&status=ALL")).containsExactly(filed, rectifying, revoked, expired);
		assertThat(filingNos("&status=REVOKED")).containsExactly(revoked);
		assertThat(filingNos("&status=REVOKED,EXPIRED")).containsExactly(revoked, expired);
		assertThat(api.get("/api/outlets/" + revoked).json().path("statusLabel").asText()).isEqualTo("已撤销");
	}

	@Test
	void textSearchCoversNameAddressAndServiceTargets_andTreatsWildcardsLiterally() {
		String byName = outlets.outlet(outlets.token() + "科技情报研究所").insert();
		String byAddress = outlets.outlet("某研究院").address("浙江省杭州市" + outlets.token() + "路8号").insert();
		String byTargets = outlets.outlet("某协会").serviceTargets("面向" + outlets.token() + "园区企业").insert();
		String percent = outlets.outlet(outlets.token() + "100%信息中心").insert();
		String underscore = outlets.outlet(outlets.token() + "A_B中心").insert();
		outlets.outlet(outlets.token() + "AXB中心").insert();

		assertThat(filingNos("")).contains(byName, byAddress, byTargets);
		assertThat(filingNos(outlets.token().toLowerCase(), "")).contains(byName, byAddress, byTargets);
		assertThat(filingNos(outlets.token() + "100%", "")).containsExactly(percent);
		assertThat(filingNos(outlets.token() + "A_B", "")).containsExactly(underscore);
		assertThat(filingNos(outlets.token() + "%", "")).isEmpty();
		assertThat(filingNos("' or '1'='1", "&status=ALL")).isEmpty();
	}

	@Test
	void pagesAndSorts() {
		List<String> inserted = new ArrayList<>();
		String[] names = { "丁", "甲", "戊", "乙", "丙" };
		for (int i = 0; i < names.length; i++) {
			inserted.add(outlets.outlet(outlets.token() + names[i])
				.validUntil(LocalDate.of(2030, 1, 1).minusDays(i))
				.province(i % 2 == 0 ? "110000" : "440000")
				.insert());
		}

		JsonNode first = api.get("/api/outlets?q=" + outlets.token() + "&size=2").json();
		assertThat(first.path("page").asInt()).isZero();
		assertThat(first.path("size").asInt()).isEqualTo(2);
		assertThat(first.path("totalItems").asLong()).isEqualTo(5);
		assertThat(first.path("totalPages").asInt()).isEqualTo(3);
		assertThat(texts(first.path("items"), "filingNo")).containsExactly(inserted.get(0), inserted.get(1));
		JsonNode last = api.get("/api/outlets?q=" + outlets.token() + "&size=2&page=2").json();
		assertThat(texts(last.path("items"), "filingNo")).containsExactly(inserted.get(4));
		JsonNode beyond = api.get("/api/outlets?q=" + outlets.token() + "&size=2&page=7").json();
		assertThat(beyond.path("items")).isEmpty();
		assertThat(beyond.path("totalItems").asLong()).isEqualTo(5);

		assertThat(filingNos("&sort=filingNo&dir=desc")).containsExactlyElementsOf(reversed(inserted));
		// Valid until: the last inserted ends first.
		assertThat(filingNos("&sort=validUntil")).containsExactlyElementsOf(reversed(inserted));
		assertThat(filingNos("&sort=province")).containsExactly(inserted.get(0), inserted.get(2), inserted.get(4),
				inserted.get(1), inserted.get(3));
		List<String> byName = texts(api.get("/api/outlets?q=" + outlets.token() + "&sort=orgName&dir=desc")
			.json()
			.path("items"), "orgName");
		assertThat(byName).hasSize(5).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void badSortPageOrSizeIs400ProblemNamingTheParameter() {
		assertInvalid("/api/outlets?sort=uscc", "sort", "oneOf");
		assertInvalid("/api/outlets?dir=up", "dir", "oneOf");
		assertInvalid("/api/outlets?page=-1", "page", "min");
		assertInvalid("/api/outlets?size=0", "size", "range");
		assertInvalid("/api/outlets?size=101", "size", "range");
		assertInvalid("/api/outlets?page=abc", "page", "type");
		assertInvalid("/api/outlets?status=ACTIVE", "status", "oneOf");
		assertInvalid("/api/outlets?province=999999", "province", "oneOf");
		assertInvalid("/api/outlets?category=SHOP", "category", "oneOf");

		JsonNode both = api.get("/api/outlets?sort=x&size=500").json();
		assertThat(texts(both.path("errors"), "field")).containsExactlyInAnyOrder("sort", "size");
		assertThat(api.get("/api/outlets?size=100").status()).isEqualTo(200);
	}

	private void assertInvalid(String path, String field, String rule) {
		Response response = api.get(path);
		assertThat(response.status()).as(path).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo("urn:ipoutlet:problem:invalid-request");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
		assertThat(problem.path("instance").asText()).isEqualTo("/api/outlets");
		assertThat(problem.path("errors")).as(path).hasSize(1);
		JsonNode error = problem.path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo(field);
		assertThat(error.path("rule").asText()).isEqualTo(rule);
		assertThat(error.path("message").asText()).contains(field);
	}

	private List<String> filingNos(String extra) {
		return filingNos(outlets.token(), extra);
	}

	private List<String> filingNos(String q, String extra) {
		Response response = api.get("/api/outlets?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return texts(response.json().path("items"), "filingNo");
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.path(field).asText()));
		return values;
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

}
