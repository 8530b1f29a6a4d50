package org.ipoutlet.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.filing.FilingMessages;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/publicity} over HTTP, without login (Art. 7(三); README "公示 is public"): an application is
 * listed from CNIPA's approval to the end of its publicity period, not before and not after, and the
 * endpoint is in the OpenAPI document as public.
 */
@WebTest
class PublicityApiTest {

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	@Autowired
	FilingMessages messages;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		identity.clearAuthentication();
		setClock("2026-03-02T09:00:00+08:00");
	}

	@Test
	void Art7_listedFromApprovalToTheEndOfThePeriodAlsoWhileAnObjectionIsStillVerified() {
		String pi = start();
		String applicationNo = runtime.getVariable(pi, APPLICATION_NO).toString();
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐",
				RECOMMENDER_HEAD, "陈处长"));
		assertThat(item(applicationNo)).as("not before CNIPA's approval").isNull();

		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "予以公示", CNIPA_HEAD, "刘司长"));
		JsonNode upcoming = item(applicationNo);
		assertThat(upcoming).isNotNull();
		assertThat(upcoming.path("orgName").asText()).isEqualTo("上海市某高校图书馆");
		assertThat(upcoming.path("orgCategoryLabel").asText()).isEqualTo("高校");
		assertThat(upcoming.path("province").asText()).isEqualTo("310000");
		assertThat(upcoming.path("recommenderName").asText()).isEqualTo("上海市知识产权局");
		assertThat(upcoming.path("serviceItems").findValuesAsText("code")).containsExactly("CONSULTATION", "SEARCH",
				"TRAINING", "SME_SERVICES");
		assertThat(upcoming.path("publicityStart").asText()).isEqualTo("2026-03-03");
		assertThat(upcoming.path("publicityEnd").asText()).isEqualTo("2026-03-09");
		assertThat(upcoming.path("phase").asText()).isEqualTo("UPCOMING");
		assertThat(upcoming.has("uscc")).as("no USCC or personal data").isFalse();
		assertThat(upcoming.has("headName")).isFalse();

		setClock("2026-03-09T23:59:00+08:00");
		assertThat(item(applicationNo).path("phase").asText()).isEqualTo("RUNNING");
		messages.raiseObjection(applicationNo, "异议", "13800000000");

		setClock("2026-03-10T00:00:01+08:00");
		Jobs.runDue(management, pi);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count())
			.as("an objection is still being verified").isEqualTo(1);
		assertThat(item(applicationNo)).as("the period has ended: no longer under publicity").isNull();
	}

	@Test
	void Art7_aRefusedApplicationIsNeverListed() {
		String pi = start();
		String applicationNo = runtime.getVariable(pi, APPLICATION_NO).toString();
		complete(pi, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐",
				RECOMMENDER_HEAD, "陈处长"));
		complete(pi, "cnipaReview", Map.of(FILING_DECISION, "REJECT", CNIPA_OPINION, "不符合条件", CNIPA_HEAD, "刘司长"));
		assertThat(item(applicationNo)).isNull();
	}

	@Test
	void publicityIsInTheOpenApiDocumentAsPublic() {
		JsonNode doc = api.get("/v3/api-docs").json();
		JsonNode get = doc.path("paths").path("/api/publicity").path("get");
		assertThat(get.isMissingNode()).isFalse();
		assertThat(get.path("security")).as("no login").isEmpty();
		JsonNode schema = doc.path("components").path("schemas").path("PublicityView").path("properties");
		assertThat(schema.has("applicationNo") && schema.has("orgName") && schema.has("province")
				&& schema.has("publicityStart") && schema.has("publicityEnd")).as(schema.toString()).isTrue();
	}

	private String start() {
		String pi = runtime.startProcessInstanceByKey(org.ipoutlet.ProcessKeys.OUTLET_FILING, FilingFixtures.application(FilingFixtures.newUscc()))
			.getId();
		Jobs.runDue(management, pi);
		return pi;
	}

	private void complete(String pi, String key, Map<String, Object> variables) {
		tasks.complete(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult().getId(),
				new HashMap<>(variables));
		Jobs.runDue(management, pi);
	}

	private JsonNode item(String applicationNo) {
		Response response = api.get("/api/publicity");
		assertThat(response.status()).as("public, no login").isEqualTo(200);
		for (JsonNode item : response.json()) {
			if (applicationNo.equals(item.path("applicationNo").asText())) {
				return item;
			}
		}
		return null;
	}

	private static void setClock(String iso) {
		ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(iso).toInstant()));
	}

}
