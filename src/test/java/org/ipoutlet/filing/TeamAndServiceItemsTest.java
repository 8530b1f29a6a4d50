package org.ipoutlet.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.ipoutlet.filing.FilingVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ipoutlet.Jobs;
import org.ipoutlet.ProcessTest;
import org.ipoutlet.TaskKeys;
import org.ipoutlet.validation.FieldError;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.validation.SubmissionRejectedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 备案表's facts that must agree (README, "The team and the service items"): section 三 lists the
 * head and every full-time member that section 一 counts (Art. 5(一)); no part-time staff is a warning
 * for the recommender, not a refusal; the itemised 服务事项清单 and the ticked codes name the same
 * services (Art. 8, 12, 13). A refused start creates nothing.
 */
@ProcessTest
class TeamAndServiceItemsTest {

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ManagementService management;

	String uscc;

	@BeforeEach
	void setUp() {
		uscc = FilingFixtures.newUscc();
	}

	@Test
	void Art5_aTeamListWithoutTheHeadIsRefused() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		List<Map<String, Object>> team = team(app);
		team.removeIf(m -> m.get("name").equals("张三"));
		team.add(member("钱一", true));
		app.put(TEAM_MEMBERS, JsonValues.json(team));

		List<FieldError> errors = refused(app);
		assertThat(errors).extracting(e -> e.field() + ":" + e.rule()).containsExactly("teamMembers:head");
		assertThat(errors.get(0).messageZh()).contains("服务团队人员")
			.endsWith("：须列出主要负责人（姓名与“主要负责人”一栏一致），《备案表》第三部分");
		assertThat(errors.get(0).message()).contains("head");
	}

	@Test
	void Art5_fewerListedFullTimeMembersThanClaimedIsRefused() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		app.put(STAFF_FULL_TIME, 8);
		app.put(STAFF_TOTAL, 14);

		List<FieldError> errors = refused(app);
		assertThat(errors).extracting(e -> e.field() + ":" + e.rule()).containsExactly("teamMembers:fullTimeMembers");
		assertThat(errors.get(0).messageZh()).contains("现有6名").contains("8名").contains("第五条（一）");

		// Part-timers do not count: one of the six full-time members becomes part-time.
		Map<String, Object> fewer = FilingFixtures.application(uscc);
		List<Map<String, Object>> team = team(fewer);
		team.set(1, member("王五", false));
		fewer.put(TEAM_MEMBERS, JsonValues.json(team));
		assertThat(refused(fewer)).extracting(e -> e.field() + ":" + e.rule()).containsExactly("teamMembers:fullTimeMembers");
	}

	@Test
	void Art5_aTeamOfTheHeadAndEveryFullTimeMemberIsAccepted() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		// Exactly as many full-time members as claimed, the head among them.
		app.put(STAFF_FULL_TIME, 6);
		ProcessInstance pi = runtime.startProcessInstanceByKey(OUTLET_FILING, app);
		Jobs.runDue(management, pi.getId());
		assertThat(runtime.getVariable(pi.getId(), ELIGIBLE)).isEqualTo(true);
		assertThat(runtime.getVariable(pi.getId(), STAFF_WARNING)).as("part-timers present: no warning").isNull();
	}

	@Test
	void Art5_noPartTimeStaffIsAWarningForTheRecommenderNotARefusal() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		app.put(STAFF_PART_TIME, 0);
		app.put(STAFF_TOTAL, 6);
		List<Map<String, Object>> team = team(app);
		team.removeIf(m -> Boolean.FALSE.equals(m.get("fullTime")));
		app.put(TEAM_MEMBERS, JsonValues.json(team));

		ProcessInstance pi = runtime.startProcessInstanceByKey(OUTLET_FILING, app);
		Jobs.runDue(management, pi.getId());

		assertThat(runtime.getVariable(pi.getId(), ELIGIBLE)).isEqualTo(true);
		assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TaskKeys.PRELIMINARY_REVIEW).count())
			.isEqualTo(1);
		String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
		assertThat(tasks.getVariable(task, STAFF_WARNING)).asString().contains("兼职人员数量为0").contains("第五条（一）");
	}

	@Test
	void Art8_aTickedServiceWithoutAnItemIsRefused() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		app.put(SERVICE_ITEM_LIST, JsonValues.json(FilingFixtures.serviceItemList("CONSULTATION", "SEARCH", "TRAINING")));

		List<FieldError> errors = refused(app);
		assertThat(errors).extracting(e -> e.field() + ":" + e.rule()).containsExactly("serviceItemList:missingItem");
		assertThat(errors.get(0).messageZh()).contains("中小微企业知识产权服务").contains("未列出");
	}

	@Test
	void Art8_anItemOfAServiceNotTickedOrOfAnotherIpCategoryIsRefused() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		List<Map<String, Object>> items = new ArrayList<>(
				FilingFixtures.serviceItemList("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES", "DATABASE_TOOLS"));
		Map<String, Object> gi = new LinkedHashMap<>(items.get(0));
		gi.put("ipCategory", "GEOGRAPHICAL_INDICATION");
		items.set(0, gi);
		app.put(SERVICE_ITEM_LIST, JsonValues.json(items));

		List<FieldError> errors = refused(app);
		assertThat(errors).extracting(e -> e.field() + ":" + e.rule()).containsExactlyInAnyOrder(
				"serviceItemList[0].ipCategory:notInIpCategories", "serviceItemList[4].serviceCode:notInServiceItems");
		assertThat(errors).extracting(FieldError::messageZh).anySatisfy(zh -> assertThat(zh)
			.startsWith("服务事项明细第5项所属服务类别：").contains("知识产权数据库及工具平台开发"));
	}

	@Test
	void Art5_anItemThatIsNeitherFreeNorLowCostIsRefused() {
		Map<String, Object> app = FilingFixtures.application(uscc);
		List<Map<String, Object>> items = new ArrayList<>(
				FilingFixtures.serviceItemList("CONSULTATION", "SEARCH", "TRAINING", "SME_SERVICES"));
		Map<String, Object> paid = new LinkedHashMap<>(items.get(2));
		paid.put("cost", "MARKET_PRICE");
		paid.remove("name");
		items.set(2, paid);
		app.put(SERVICE_ITEM_LIST, JsonValues.json(items));

		assertThat(refused(app)).extracting(e -> e.field() + ":" + e.rule())
			.containsExactlyInAnyOrder("serviceItemList[2].cost:enum", "serviceItemList[2].name:required");
		app.remove(SERVICE_ITEM_LIST);
		assertThat(refused(app)).extracting(e -> e.field() + ":" + e.rule()).containsExactly("serviceItemList:required");
	}

	/** The start is refused with these errors, and nothing of it exists. */
	private List<FieldError> refused(Map<String, Object> app) {
		long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_FILING).count();
		List<FieldError> errors = new ArrayList<>();
		assertThatThrownBy(() -> runtime.startProcessInstanceByKey(OUTLET_FILING, app))
			.isInstanceOfSatisfying(SubmissionRejectedException.class, e -> errors.addAll(e.errors()));
		assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(OUTLET_FILING).count())
			.as("no instance, no history").isEqualTo(before);
		return errors;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> team(Map<String, Object> app) {
		List<Map<String, Object>> team = new ArrayList<>();
		for (Object m : (List<Object>) JsonValues.toJava(app.get(TEAM_MEMBERS))) {
			team.add(new HashMap<>((Map<String, Object>) m));
		}
		return team;
	}

	private static Map<String, Object> member(String name, boolean fullTime) {
		return new HashMap<>(Map.of("name", name, "role", "专员", "fullTime", fullTime, "resume", "从事知识产权信息服务。"));
	}

}
