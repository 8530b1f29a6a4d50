package org.ipoutlet.security;

import static org.ipoutlet.ProcessKeys.OUTLET_FILING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.filing.FilingMessages;
import org.ipoutlet.register.Outlet;
import org.ipoutlet.register.Outlet.OutletDetails;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.validation.JsonValues;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the security tests share: plain HTTP as a demo user (password = user id) against
 * {@code /engine-rest} and {@code /api}, filings driven to a given step through the application's own
 * API and the reviewers' REST calls, and snapshots of the state a refused request must leave alone.
 * Subclasses carry {@code @WebTest}.
 */
abstract class SecurityTestSupport {

	static final ObjectMapper JSON = new ObjectMapper();

	/** A small, well-formed PDF document (the work rules, Art. 6). */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/** The banned institution the demo profile seeds (README). */
	static final String BANNED_USCC = "52310000500000777A";

	final HttpClient http = HttpClient.newHttpClient();

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
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	@Autowired
	OutletRepository outlets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FilingMessages filingMessages;

	@BeforeEach
	void runAsSystemInTheTestThread() {
		identity.clearAuthentication();
	}

	// --- HTTP ---

	/** An HTTP answer: status and body. */
	record Reply(int status, String body, HttpResponse<String> raw) {

		JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new AssertionError("Not JSON: " + body, ex);
			}
		}

		/** The {@code field:rule} pairs of an error body's {@code errors}. */
		List<String> fieldRules() {
			List<String> out = new ArrayList<>();
			try {
				for (JsonNode e : JSON.readTree(body).path("errors")) {
					out.add(e.path("field").asText() + ":" + e.path("rule").asText());
				}
			}
			catch (IOException ex) {
				// not JSON: no field errors
			}
			return out;
		}

		@Override
		public String toString() {
			return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
		}
	}

	/** A call to {@code /engine-rest}; {@code user} null is anonymous; a String body is sent as is. */
	Reply engine(String user, String method, String path, Object body) {
		return call(user, method, "/engine-rest" + path, body);
	}

	/** A call to the application's {@code /api}. */
	Reply api(String user, String method, String path, Object body) {
		return call(user, method, path, body);
	}

	Reply call(String user, String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json")
			.method(method, body == null ? BodyPublishers.noBody()
					: BodyPublishers.ofString(body instanceof String s ? s : json(body), StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return send(request);
	}

	Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Variables in the REST API's typed form, as Tasklist sends them. */
	static Map<String, Object> typed(Map<String, ?> variables) {
		Map<String, Object> out = new LinkedHashMap<>();
		variables.forEach((name, value) -> {
			if (value instanceof org.camunda.bpm.engine.variable.value.FileValue file) {
				out.put(name, org.ipoutlet.document.TestDocuments.restFile(file));
				return;
			}
			Object v = value instanceof TypedValue t ? t.getValue() : value;
			String type = v instanceof SpinJsonNode ? "Json" : v instanceof Integer ? "Integer"
					: v instanceof Boolean ? "Boolean" : "String";
			Map<String, Object> typedValue = new LinkedHashMap<>();
			typedValue.put("value", v instanceof SpinJsonNode ? v.toString() : v);
			typedValue.put("type", type);
			out.put(name, typedValue);
		});
		return out;
	}

	static Map<String, Object> variablesBody(Map<String, ?> variables) {
		return Map.of("variables", typed(variables));
	}

	/** A denied request answers one of these (which one a test names where the issue does). */
	static final List<Integer> DENIED = List.of(400, 401, 403, 404, 409);

	/** No stack trace, SQL or Java class name in a body a client sees. */
	static void assertNoInternals(Reply reply) {
		assertThat(reply.body()).as("response carries internals: %s", reply)
			.doesNotContainPattern("\\bat [a-z]+\\.[a-zA-Z0-9_.$]+\\(")
			.doesNotContain("org.camunda.bpm.engine.impl", "java.lang.", "org.h2", "SQLException", "Exception:",
					"Caused by", "### Error", "SELECT ", "INSERT INTO", "select ", "insert into");
	}

	// --- filings, driven as the roles drive them ---

	/** A filing application in progress: its number and process instance. */
	record Filing(String applicationNo, String processInstanceId, String uscc) {
	}

	/** The fixture's valid 备案表 as JSON values for {@code POST /api/filings}, with the work rules inline. */
	static Map<String, Object> apiBody(String uscc) {
		Map<String, Object> form = new LinkedHashMap<>();
		FilingFixtures.application(uscc).forEach((name, value) -> form.put(name, JsonValues.toJava(value)));
		form.remove(APPLICANT);
		form.put(SEALED_FORM, Map.of("filename", "备案表.pdf", "contentBase64", Base64.getEncoder().encodeToString(PDF)));
		Map<String, Object> rules = new LinkedHashMap<>();
		rules.put("filename", "rules.pdf");
		rules.put("contentBase64", Base64.getEncoder().encodeToString(PDF));
		form.put(WORK_RULES, rules);
		return form;
	}

	/** The 备案表 as start-form variables for {@code /engine-rest} (no {@code applicant}: the initiator is). */
	static Map<String, Object> startVariables(String uscc) {
		Map<String, Object> variables = FilingFixtures.application(uscc);
		variables.remove(APPLICANT);
		return variables;
	}

	/** Submits through {@code POST /api/filings} as {@code user}; the eligibility job is not run yet. */
	Filing submitted(String user) {
		String uscc = FilingFixtures.newUscc();
		Reply reply = api(user, "POST", "/api/filings", apiBody(uscc));
		assertThat(reply.status()).as("setup: submit %s", reply).isEqualTo(201);
		String applicationNo = reply.json().path("applicationNo").asText();
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(OUTLET_FILING)
			.processInstanceBusinessKey(applicationNo)
			.singleResult();
		return new Filing(applicationNo, instance.getId(), uscc);
	}

	/** A filing of {@code applicant} (Shanghai, recommender 310000) waiting in {@code preliminaryReview}. */
	Filing atPreliminaryReview() {
		Filing filing = submitted("applicant");
		runJobs(filing);
		assertThat(openTask(filing, "preliminaryReview")).as("setup: preliminaryReview").isNotNull();
		return filing;
	}

	/** Shanghai recommends: the filing waits in {@code cnipaReview}. */
	Filing atCnipaReview() {
		Filing filing = atPreliminaryReview();
		completeAs("shanghai", filing, "preliminaryReview", Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐"));
		assertThat(openTask(filing, "cnipaReview")).as("setup: cnipaReview").isNotNull();
		return filing;
	}

	/** Shanghai returns the application: the applicant's {@code supplementMaterials} is open. */
	Filing atSupplementMaterials() {
		Filing filing = atPreliminaryReview();
		completeAs("shanghai", filing, "preliminaryReview",
				Map.of(RECOMMENDATION, "RETURN", RECOMMENDER_OPINION, "请补充典型案例"));
		assertThat(openTask(filing, "supplementMaterials")).as("setup: supplementMaterials").isNotNull();
		return filing;
	}

	/** CNIPA approves: the filing is in publicity, its timer waiting. */
	Filing inPublicity() {
		Filing filing = atCnipaReview();
		completeAs("cnipa", filing, "cnipaReview", Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案，进行公示"));
		assertThat(publicityTimer(filing)).as("setup: publicity timer").isNotNull();
		return filing;
	}

	/**
	 * An objection during publicity, raised as {@code POST /api/filings/{no}/objections} raises it (the
	 * application's own call, as the system), so that fixtures do not count against the public endpoint's
	 * per-client rate limit: a {@code handleObjection} task is open.
	 */
	Filing withObjection() {
		Filing filing = inPublicity();
		filingMessages.raiseObjection(filing.applicationNo(), "该机构专职人员数量不实", "13800000000");
		assertThat(openTask(filing, "handleObjection")).as("setup: handleObjection").isNotNull();
		return filing;
	}

	/** Completes the single open task {@code key} as {@code user} through {@code /engine-rest}, then runs due jobs. */
	void completeAs(String user, Filing filing, String key, Map<String, Object> variables) {
		Task task = openTask(filing, key);
		assertThat(task).as("setup: open %s", key).isNotNull();
		Reply reply = engine(user, "POST", "/task/" + task.getId() + "/complete", variablesBody(variables));
		assertThat(reply.status()).as("setup: %s completes %s: %s", user, key, reply).isEqualTo(204);
		runJobs(filing);
	}

	void runJobs(Filing filing) {
		Jobs.runDue(management, filing.processInstanceId());
	}

	Task openTask(Filing filing, String key) {
		List<Task> open = tasks.createTaskQuery().processInstanceId(filing.processInstanceId()).taskDefinitionKey(key).list();
		return open.isEmpty() ? null : open.get(0);
	}

	Job publicityTimer(Filing filing) {
		return management.createJobQuery().processInstanceId(filing.processInstanceId()).timers()
			.activityId("Timer_PublicityEnds").singleResult();
	}

	Object variable(Filing filing, String name) {
		return runtime.getVariable(filing.processInstanceId(), name);
	}

	boolean active(String processInstanceId) {
		return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
	}

	/** A filed outlet of Shanghai held by {@code applicant}, its lifecycle started as registration starts it. */
	record Lifecycle(String filingNo, String processInstanceId) {
	}

	Lifecycle filedOutlet() {
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "WS-" + unique.substring(0, 10);
		LocalDate validFrom = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.of("Asia/Shanghai"));
		LocalDate validUntil = validFrom.plusYears(3).minusDays(1);
		OutletDetails details = new OutletDetails("安全测试网点" + filingNo, "UNIVERSITY", "事业单位", "310000", "上海市某路1号",
				null, null, "张三", "李四", "021-64000000", "ip@example.edu.cn", "企业",
				List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		String uscc = "91" + unique.substring(0, 16);
		outlets.insert(Outlet.file(filingNo, "APP-" + filingNo, uscc, details, "310000", "applicant", validFrom,
				validUntil, ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new HashMap<>();
		vars.put(FILING_NO, filingNo);
		vars.put(APPLICATION_NO, "APP-" + filingNo);
		vars.put(USCC, uscc);
		vars.put(ORG_NAME, details.orgName());
		vars.put(RECOMMENDER_ID, "310000");
		vars.put(PROVINCE, "310000");
		vars.put("outletUser", "applicant");
		vars.put(VALID_FROM, validFrom.toString());
		vars.put(VALID_UNTIL, validUntil.toString());
		String pi = runtime.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars).getId();
		return new Lifecycle(filingNo, pi);
	}

	// --- state before and after ---

	/** The counts a refused request must leave unchanged. */
	record Counts(long runtimeInstances, long historicInstances, long jobs, long runtimeVariables, long tasks,
			long outletRows, long applicationRows) {
	}

	Counts counts() {
		return new Counts(runtime.createProcessInstanceQuery().count(),
				history.createHistoricProcessInstanceQuery().count(), management.createJobQuery().count(),
				runtime.createVariableInstanceQuery().count(), tasks.createTaskQuery().count(),
				jdbc.queryForObject("select count(*) from outlet", Long.class),
				jdbc.queryForObject("select count(*) from filing_application", Long.class));
	}

	/** One instance as the engine holds it: active activities, variables, tasks with their people, jobs. */
	record InstanceState(List<String> activities, Map<String, String> variables, List<String> tasks, List<String> jobs) {
	}

	InstanceState state(String processInstanceId) {
		List<String> activities = runtime.createExecutionQuery().processInstanceId(processInstanceId).list().stream()
			.map(Execution::getId)
			.flatMap(id -> runtime.getActiveActivityIds(id).stream())
			.sorted()
			.toList();
		Map<String, String> variables = new TreeMap<>();
		for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).list()) {
			String shown;
			if (v.getTypedValue() == null) {
				shown = "unreadable " + v.getTypeName() + ": " + v.getErrorMessage();
			}
			else {
				shown = v.getTypedValue().getType().getName().equals("file") ? "file" : String.valueOf(v.getValue());
			}
			variables.put(v.getName() + "@" + (v.getTaskId() != null ? "task" : v.getActivityInstanceId()), shown);
		}
		List<String> taskLines = new ArrayList<>();
		for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
			List<String> links = tasks.getIdentityLinksForTask(t.getId()).stream()
				.map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId())
				.sorted()
				.toList();
			taskLines.add(t.getTaskDefinitionKey() + " assignee=" + t.getAssignee() + " owner=" + t.getOwner()
					+ " delegation=" + t.getDelegationState() + " links=" + links + " comments="
					+ tasks.getTaskComments(t.getId()).size() + " attachments=" + tasks.getTaskAttachments(t.getId()).size());
		}
		taskLines.sort(null);
		List<String> jobs = management.createJobQuery().processInstanceId(processInstanceId).list().stream()
			.map(j -> j.getId() + " due=" + j.getDuedate() + " retries=" + j.getRetries())
			.sorted()
			.toList();
		return new InstanceState(activities, variables, taskLines, jobs);
	}

}
