package org.ipoutlet.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessKeys;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.ApiClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Art. 8: the itemised 服务事项清单 of the 备案表 travels to the public register — the API and the page
 * /outlets, without login — as the institution listed it (README, "The team and the service items").
 */
@WebTest
class ServiceItemListRegisterTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Test
	void Art8_theServiceItemsOfTheFormAreWhatTheRegisterPublishes() {
		identity.clearAuthentication();
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()));
		String orgName = "上海市服务事项测试馆" + FilingFixtures.newUscc().substring(9, 15);
		Map<String, Object> app = FilingFixtures.application(FilingFixtures.newUscc());
		app.put(ORG_NAME, orgName);
		app.put(SERVICE_ITEMS, JsonValues.json(List.of("CONSULTATION", "SEARCH", "TRAINING", "INDUSTRY_ANALYSIS")));
		List<Map<String, Object>> items = List.of(
				item("专利政策咨询窗口", "每周一至周五现场及电话咨询", "PATENT", "CONSULTATION", "FREE"),
				item("商标检索<b>速查</b>", "商标近似检索与查询指导", "TRADEMARK", "SEARCH", "FREE"),
				item("知识产权公开课", "面向师生的专利基础知识讲座", "PATENT", "TRAINING", "FREE"),
				item("产业专利导航报告", "新能源汽车产业专利态势分析 & 风险预警", "PATENT", "INDUSTRY_ANALYSIS", "LOW_COST"));
		app.put(SERVICE_ITEM_LIST, JsonValues.json(items));

		String pi = runtime.startProcessInstanceByKey(ProcessKeys.OUTLET_FILING, app).getId();
		Jobs.runDue(management, pi);
		complete(pi, TaskKeys.PRELIMINARY_REVIEW, Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐",
				RECOMMENDER_HEAD, "陈处长"));
		complete(pi, TaskKeys.CNIPA_REVIEW, Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "予以公示", CNIPA_HEAD, "刘司长"));
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-10T00:00:01+08:00").toInstant()));
		Jobs.runDue(management, pi);
		String filingNo = (String) history.createHistoricVariableInstanceQuery().processInstanceId(pi)
			.variableName(FILING_NO).singleResult().getValue();
		assertThat(filingNo).as("filed").startsWith("WD-2026-");

		ApiClient api = new ApiClient(port);
		JsonNode outlet = api.get("/api/outlets/" + filingNo).json();
		assertPublished(outlet.path("serviceItemList"), items);
		JsonNode first = outlet.path("serviceItemList").get(0);
		assertThat(first.path("serviceCodeLabel").asText()).isEqualTo("知识产权咨询服务");
		assertThat(first.path("ipCategoryLabel").asText()).isEqualTo("专利");
		assertThat(first.path("costLabel").asText()).isEqualTo("免费");
		assertThat(outlet.path("serviceItemList").get(3).path("costLabel").asText()).isEqualTo("低成本");

		JsonNode listed = api.get("/api/outlets?q=" + java.net.URLEncoder.encode(orgName, java.nio.charset.StandardCharsets.UTF_8))
			.json().path("items");
		assertThat(listed).hasSize(1);
		assertPublished(listed.get(0).path("serviceItemList"), items);

		var page = api.get("/outlets?q=" + java.net.URLEncoder.encode(orgName, java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.status()).isEqualTo(200);
		Document html = Jsoup.parse(page.body());
		List<Element> rows = html.select("table.service-item-list tbody tr");
		assertThat(rows).extracting(r -> r.selectFirst(".item-name").text()).containsExactly("专利政策咨询窗口",
				"商标检索<b>速查</b>", "知识产权公开课", "产业专利导航报告");
		assertThat(rows).extracting(r -> r.selectFirst(".item-cost").text()).containsExactly("免费", "免费", "免费", "低成本");
		assertThat(rows).extracting(r -> r.selectFirst(".item-code").text()).containsExactly("知识产权咨询服务",
				"知识产权信息查询检索服务", "知识产权宣传培训服务", "重点产业知识产权信息分析服务");
		assertThat(rows.get(3).selectFirst(".item-description").text()).isEqualTo("新能源汽车产业专利态势分析 & 风险预警");
		assertThat(html.select("table.service-item-list b")).as("the applicant's markup is text").isEmpty();
		ClockUtil.reset();
	}

	private static void assertPublished(JsonNode published, List<Map<String, Object>> items) {
		assertThat(published).hasSize(items.size());
		for (int i = 0; i < items.size(); i++) {
			for (String key : List.of("name", "description", "ipCategory", "serviceCode", "cost")) {
				assertThat(published.get(i).path(key).asText()).as("item %d %s", i, key).isEqualTo(items.get(i).get(key));
			}
		}
	}

	private void complete(String pi, String key, Map<String, Object> variables) {
		String task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult().getId();
		tasks.complete(task, new HashMap<>(variables));
		Jobs.runDue(management, pi);
	}

	private static Map<String, Object> item(String name, String description, String ip, String code, String cost) {
		return Map.of("name", name, "description", description, "ipCategory", ip, "serviceCode", code, "cost", cost);
	}

}
