package org.ipoutlet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.ipoutlet.identity.TasklistFilters;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.security.CommandPayload.Syntax;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 7, first attack: no user-supplied expression is ever evaluated, through any route into the
 * engine (engine REST, the webapps' engine API with a real session, filter list/count), in any
 * nesting, with either syntax. Each request carries an expression that would run {@code touch} on the
 * server; the request must be refused (400/403) and the marker file must not exist afterwards.
 * Tasklist's own filters ({@code ${currentUser()}}, {@code ${currentUserGroups()}}) keep listing tasks,
 * and only administrators create, change or delete filters.
 */
@WebTest
class ExpressionInjectionTest extends SecurityTestSupport {

	/** Every {@code *Expression} key of the REST task query. */
	static final List<String> EXPRESSION_KEYS = List.of("assigneeExpression", "assigneeLikeExpression",
			"candidateGroupExpression", "candidateGroupsExpression", "candidateUserExpression", "createdAfterExpression",
			"createdBeforeExpression", "createdOnExpression", "dueAfterExpression", "dueBeforeExpression",
			"dueDateExpression", "followUpAfterExpression", "followUpBeforeExpression",
			"followUpBeforeOrNotExistentExpression", "followUpDateExpression", "involvedUserExpression", "ownerExpression",
			"processInstanceBusinessKeyExpression", "processInstanceBusinessKeyLikeExpression", "updatedAfterExpression");

	/** Webapp sessions, one per user, reused across cases (a login per case would only slow the suite). */
	private static final Map<String, WebappSession> SESSIONS = new HashMap<>();

	@Autowired
	FilterService filters;

	private final CommandPayload payload = new CommandPayload();

	@AfterEach
	void deleteMarker() {
		payload.delete();
	}

	// --- the payload is a real attack ---

	@ParameterizedTest(name = "{0}: the payload runs a command when evaluated")
	@EnumSource(Syntax.class)
	void payloadRunsACommandWhenEvaluated(Syntax syntax) {
		assertThat(payload.fired()).isFalse();

		payload.evaluateDirectly(syntax);

		assertThat(payload.fired()).as("marker %s created by evaluating %s", payload.marker(), payload.expression(syntax))
			.isTrue();
	}

	// --- every *Expression key inside an or-query ---

	static Stream<String> expressionKeys() {
		return EXPRESSION_KEYS.stream();
	}

	@ParameterizedTest(name = "applicant · POST /engine-rest/task orQueries[{0}] · refused, not run")
	@MethodSource("expressionKeys")
	void expressionKeyInsideAnOrQueryIsNeverEvaluated(String key) {
		Reply reply = engine("applicant", "POST", "/task", Map.of("orQueries", List.of(Map.of(key, payload.expression(Syntax.DOLLAR)))));

		assertRefusedAndHarmless(reply);
	}

	// --- every route, user and syntax ---

	/** A route into the engine's task query and how it carries the expression. */
	enum Route {
		REST_TASK_OR_QUERY("POST /engine-rest/task {orQueries:[{assigneeExpression}]}"),
		REST_TASK_COUNT_OR_QUERY("POST /engine-rest/task/count {orQueries:[{candidateGroupExpression}]}"),
		REST_TASK_TOP_LEVEL("POST /engine-rest/task {assigneeExpression}"),
		REST_TASK_GET("GET /engine-rest/task?assigneeExpression="),
		REST_TASK_COUNT_GET("GET /engine-rest/task/count?dueAfterExpression="),
		REST_NESTED_OR_QUERIES("POST /engine-rest/task {orQueries:[{orQueries:[{ownerExpression}]}]}"),
		REST_OR_QUERY_BESIDE_PLAIN_KEYS("POST /engine-rest/task {active, orQueries:[{processInstanceBusinessKey, followUpBeforeExpression}]}"),
		REST_FILTER_LIST_OR_QUERY("POST /engine-rest/filter/{我的待办}/list {orQueries:[{assigneeExpression}]}"),
		REST_FILTER_COUNT_OR_QUERY("POST /engine-rest/filter/{我的待办}/count {orQueries:[{involvedUserExpression}]}"),
		REST_FILTER_LIST_TOP_LEVEL("POST /engine-rest/filter/{我的待办}/list {candidateUserExpression}"),
		REST_FILTER_LIST_NESTED("POST /engine-rest/filter/{我的待办}/list {orQueries:[{orQueries:[{assigneeExpression}]}]}"),
		WEBAPP_TASK_OR_QUERY("POST /camunda/api/engine/…/task {orQueries:[{assigneeExpression}]}"),
		WEBAPP_TASK_COUNT_OR_QUERY("POST /camunda/api/engine/…/task/count {orQueries:[{dueBeforeExpression}]}"),
		WEBAPP_TASK_GET("GET /camunda/api/engine/…/task?assigneeExpression="),
		WEBAPP_FILTER_LIST_OR_QUERY("POST /camunda/api/engine/…/filter/{我的待办}/list {orQueries:[{assigneeExpression}]}"),
		WEBAPP_FILTER_COUNT_OR_QUERY("POST /camunda/api/engine/…/filter/{我的待办}/count {orQueries:[{candidateGroupsExpression}]}");

		final String label;

		Route(String label) {
			this.label = label;
		}
	}

	static Stream<Arguments> routes() {
		List<Arguments> cases = new ArrayList<>();
		for (Route route : Route.values()) {
			for (String user : List.of("applicant", "shanghai", "auditor")) {
				for (Syntax syntax : Syntax.values()) {
					cases.add(Arguments.of(Named.of(route.label, route), user, syntax));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} · {0} · {2} · refused, not run")
	@MethodSource("routes")
	void expressionIsNeverEvaluatedOnAnyRoute(Route route, String user, Syntax syntax) {
		String p = payload.expression(syntax);
		String encoded = URLEncoder.encode(p, StandardCharsets.UTF_8);
		String mine = filterId(TasklistFilters.MINE);

		Reply reply = switch (route) {
			case REST_TASK_OR_QUERY -> engine(user, "POST", "/task", orQuery("assigneeExpression", p));
			case REST_TASK_COUNT_OR_QUERY -> engine(user, "POST", "/task/count", orQuery("candidateGroupExpression", p));
			case REST_TASK_TOP_LEVEL -> engine(user, "POST", "/task", Map.of("assigneeExpression", p));
			case REST_TASK_GET -> engine(user, "GET", "/task?assigneeExpression=" + encoded, null);
			case REST_TASK_COUNT_GET -> engine(user, "GET", "/task/count?dueAfterExpression=" + encoded, null);
			case REST_NESTED_OR_QUERIES -> engine(user, "POST", "/task",
					Map.of("orQueries", List.of(orQuery("ownerExpression", p))));
			case REST_OR_QUERY_BESIDE_PLAIN_KEYS -> engine(user, "POST", "/task", Map.of("active", true, "orQueries",
					List.of(Map.of("processInstanceBusinessKey", "SQ-1999-000001", "followUpBeforeExpression", p))));
			case REST_FILTER_LIST_OR_QUERY -> engine(user, "POST", "/filter/" + mine + "/list", orQuery("assigneeExpression", p));
			case REST_FILTER_COUNT_OR_QUERY -> engine(user, "POST", "/filter/" + mine + "/count",
					orQuery("involvedUserExpression", p));
			case REST_FILTER_LIST_TOP_LEVEL -> engine(user, "POST", "/filter/" + mine + "/list",
					Map.of("candidateUserExpression", p));
			case REST_FILTER_LIST_NESTED -> engine(user, "POST", "/filter/" + mine + "/list",
					Map.of("orQueries", List.of(orQuery("assigneeExpression", p))));
			case WEBAPP_TASK_OR_QUERY -> session(user).postJson(WebappSession.ENGINE_API + "/task",
					orQuery("assigneeExpression", p));
			case WEBAPP_TASK_COUNT_OR_QUERY -> session(user).postJson(WebappSession.ENGINE_API + "/task/count",
					orQuery("dueBeforeExpression", p));
			case WEBAPP_TASK_GET -> session(user).get(WebappSession.ENGINE_API + "/task?assigneeExpression=" + encoded);
			case WEBAPP_FILTER_LIST_OR_QUERY -> session(user).postJson(WebappSession.ENGINE_API + "/filter/" + mine + "/list",
					orQuery("assigneeExpression", p));
			case WEBAPP_FILTER_COUNT_OR_QUERY -> session(user).postJson(
					WebappSession.ENGINE_API + "/filter/" + mine + "/count", orQuery("candidateGroupsExpression", p));
		};

		if (route == Route.REST_NESTED_OR_QUERIES || route == Route.REST_FILTER_LIST_NESTED) {
			// An or-query inside an or-query may be refused, or dropped unevaluated; never run.
			assertThat(payload.fired()).as("the nested expression ran on the server – answer was %s", reply).isFalse();
			assertThat(reply.status()).as(reply.toString()).isIn(200, 400, 403);
			assertNoInternals(reply);
		}
		else {
			assertRefusedAndHarmless(reply);
		}
	}

	// --- Tasklist's own filters keep working ---

	@Test
	void departmentFilterListsTheRecommendersTasksOverEngineRest() {
		Filing filing = atPreliminaryReview();
		String review = openTask(filing, "preliminaryReview").getId();
		String department = filterId(TasklistFilters.DEPARTMENT);
		Map<String, Object> onlyThisFiling = Map.of("processInstanceId", filing.processInstanceId());

		Reply list = engine("shanghai", "POST", "/filter/" + department + "/list", onlyThisFiling);
		Reply count = engine("shanghai", "POST", "/filter/" + department + "/count", onlyThisFiling);
		Reply whole = engine("shanghai", "GET", "/filter/" + department + "/list", null);

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(ids(list.json())).containsExactly(review);
		assertThat(count.json().path("count").asLong()).isEqualTo(1);
		assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
		assertThat(ids(whole.json())).contains(review);
		assertThat(ids(engine("beijing", "POST", "/filter/" + department + "/list", onlyThisFiling).json()))
			.as("another province's department filter").isEmpty();
	}

	@Test
	void mineFilterListsTheClaimedTaskAndTheApplicantsSupplementOverEngineRest() {
		Filing filing = atPreliminaryReview();
		String review = openTask(filing, "preliminaryReview").getId();
		String mine = filterId(TasklistFilters.MINE);
		Map<String, Object> onlyThisFiling = Map.of("processInstanceId", filing.processInstanceId());
		assertThat(ids(engine("shanghai", "POST", "/filter/" + mine + "/list", onlyThisFiling).json())).isEmpty();

		assertThat(engine("shanghai", "POST", "/task/" + review + "/claim", Map.of("userId", "shanghai")).status())
			.isEqualTo(204);

		assertThat(ids(engine("shanghai", "POST", "/filter/" + mine + "/list", onlyThisFiling).json()))
			.containsExactly(review);
		assertThat(engine("shanghai", "POST", "/filter/" + mine + "/count", onlyThisFiling).json().path("count").asLong())
			.isEqualTo(1);

		Filing returned = atSupplementMaterials();
		String supplement = openTask(returned, "supplementMaterials").getId();
		assertThat(ids(engine("applicant", "POST", "/filter/" + mine + "/list",
				Map.of("processInstanceId", returned.processInstanceId())).json())).containsExactly(supplement);
		assertThat(ids(engine("applicant2", "POST", "/filter/" + mine + "/list",
				Map.of("processInstanceId", returned.processInstanceId())).json())).isEmpty();
	}

	@Test
	void tasklistFiltersListTheRecommendersTasksThroughTheWebappApi() {
		Filing filing = atPreliminaryReview();
		String review = openTask(filing, "preliminaryReview").getId();
		WebappSession shanghai = WebappSession.login(port, "shanghai");
		Map<String, Object> onlyThisFiling = Map.of("processInstanceId", filing.processInstanceId());
		String department = filterId(TasklistFilters.DEPARTMENT);
		String mine = filterId(TasklistFilters.MINE);

		Reply list = shanghai.postJson(WebappSession.ENGINE_API + "/filter/" + department + "/list", onlyThisFiling);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(ids(list.json())).containsExactly(review);
		assertThat(shanghai.postJson(WebappSession.ENGINE_API + "/filter/" + department + "/count", onlyThisFiling)
			.json().path("count").asLong()).isEqualTo(1);
		// Tasklist's own call: the filter with a plain extending query, as the task list asks for it.
		Reply tasklist = shanghai.postJson(WebappSession.ENGINE_API + "/filter/" + department
				+ "/list?firstResult=0&maxResults=1000", Map.of("processVariables", List.of(), "taskVariables", List.of(),
						"caseInstanceVariables", List.of(), "orQueries", List.of(), "sorting", List.of(Map.of("sortBy", "created",
								"sortOrder", "desc"))));
		assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(200);
		assertThat(ids(tasklist.json())).contains(review);

		assertThat(shanghai.postJson(WebappSession.ENGINE_API + "/task/" + review + "/claim", Map.of("userId", "shanghai"))
			.status()).isEqualTo(204);
		assertThat(ids(shanghai.postJson(WebappSession.ENGINE_API + "/filter/" + mine + "/list", onlyThisFiling).json()))
			.containsExactly(review);
	}

	// --- filters belong to administrators ---

	@ParameterizedTest(name = "{0} · create / change / delete a filter · 403")
	@ValueSource(strings = { "applicant", "applicant2", "shanghai", "mct", "cnipa", "auditor" })
	void nonAdministratorCannotCreateChangeOrDeleteAFilter(String user) {
		long before = filters.createFilterQuery().count();
		Filter mine = filters.createFilterQuery().filterName(TasklistFilters.MINE).singleResult();
		String mineQuery = json(engine("admin", "GET", "/filter/" + mine.getId(), null).json().path("query"));

		Reply create = engine(user, "POST", "/filter/create", filterBody("攻击者的过滤器", Map.of("assigneeExpression",
				payload.expression(Syntax.DOLLAR))));
		Reply change = engine(user, "PUT", "/filter/" + mine.getId(), filterBody(TasklistFilters.MINE,
				Map.of("candidateGroupExpression", payload.expression(Syntax.DOLLAR))));
		Reply delete = engine(user, "DELETE", "/filter/" + mine.getId(), null);

		assertThat(create.status()).as(create.toString()).isEqualTo(403);
		assertThat(change.status()).as(change.toString()).isEqualTo(403);
		assertThat(delete.status()).as(delete.toString()).isEqualTo(403);
		assertThat(filters.createFilterQuery().count()).isEqualTo(before);
		assertThat(json(engine("admin", "GET", "/filter/" + mine.getId(), null).json().path("query"))).isEqualTo(mineQuery);
		assertThat(payload.fired()).isFalse();
	}

	@Test
	void administratorCreatesChangesAndDeletesAFilter() {
		long before = filters.createFilterQuery().count();

		Reply created = engine("admin", "POST", "/filter/create", filterBody("管理员的过滤器", Map.of("active", true)));
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		String id = created.json().path("id").asText();
		assertThat(filters.createFilterQuery().count()).isEqualTo(before + 1);

		Reply changed = engine("admin", "PUT", "/filter/" + id, filterBody("管理员的过滤器（改）", Map.of("active", true)));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
		assertThat(filters.getFilter(id).getName()).isEqualTo("管理员的过滤器（改）");

		Reply deleted = engine("admin", "DELETE", "/filter/" + id, null);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(filters.createFilterQuery().count()).isEqualTo(before);
	}

	// --- helpers ---

	private void assertRefusedAndHarmless(Reply reply) {
		assertThat(payload.fired()).as("the expression ran on the server (marker %s) – answer was %s", payload.marker(), reply)
			.isFalse();
		assertThat(reply.status()).as(reply.toString()).isIn(400, 403);
		assertNoInternals(reply);
	}

	private static Map<String, Object> orQuery(String key, String expression) {
		return Map.of("orQueries", List.of(Map.of(key, expression)));
	}

	private static Map<String, Object> filterBody(String name, Map<String, Object> query) {
		return Map.of("resourceType", "Task", "name", name, "query", query, "properties", Map.of("priority", 99));
	}

	private String filterId(String name) {
		return filters.createFilterQuery().filterName(name).singleResult().getId();
	}

	private WebappSession session(String user) {
		return SESSIONS.computeIfAbsent(port + "/" + user, key -> WebappSession.login(port, user));
	}

	private static List<String> ids(JsonNode tasks) {
		assertThat(tasks.isArray()).as("a task list: %s", tasks).isTrue();
		List<String> ids = new ArrayList<>();
		tasks.forEach(t -> ids.add(t.path("id").asText()));
		return ids;
	}

}
