package org.ipoutlet.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ipoutlet.Jobs;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may use Cockpit's engine API, and for what (README, "Auditors in Cockpit"). Everything goes through the
 * webapps' own session-authenticated engine API with the CSRF token, as the audit plugin does:
 * <ul>
 * <li>the auditor's reads (every endpoint the plugin calls) answer;</li>
 * <li>every write on the same resources is refused for the auditor (403) and changes nothing;</li>
 * <li>recommenders and applicants cannot log in to Cockpit at all.</li>
 * </ul>
 */
@WebTest
class AuditorEngineApiTest {

	private static final String ENGINE = "/camunda/api/engine/engine/default";

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

	@Test
	void everyReadThePluginMakesAnswersTheAuditorAndCnipa() {
		for (String user : List.of("auditor", "cnipa")) {
			readsAnswer(user);
		}
	}

	private void readsAnswer(String user) {
		Filing filing = filing();
		Session auditor = Session.logIn(port, user, "cockpit");
		String id = filing.instance().getId();
		for (String read : List.of("/history/process-instance/" + id,
				"/history/activity-instance?processInstanceId=" + id + "&firstResult=0&maxResults=500",
				"/history/detail?processInstanceId=" + id + "&deserializeValues=false&firstResult=0&maxResults=500",
				"/history/incident?processInstanceId=" + id + "&firstResult=0&maxResults=500",
				"/history/job-log?processInstanceId=" + id + "&firstResult=0&maxResults=500",
				"/history/user-operation?processInstanceId=" + id + "&firstResult=0&maxResults=500",
				"/history/task?processInstanceId=" + id + "&firstResult=0&maxResults=500",
				"/history/variable-instance?processInstanceId=" + id + "&deserializeValues=false&firstResult=0&maxResults=500",
				"/task/" + filing.task().getId() + "/comment",
				"/process-definition/" + filing.instance().getProcessDefinitionId() + "/xml",
				"/process-definition?keysIn=outlet-filing,outlet-lifecycle,annual-report&latestVersion=true")) {
			HttpResponse<String> response = auditor.get(ENGINE + read);
			assertThat(response.statusCode()).as("%s GET %s: %s", user, read, response.body()).isEqualTo(200);
		}
		String query = "{\"processDefinitionKeyIn\":[\"outlet-filing\",\"outlet-lifecycle\",\"annual-report\"],"
				+ "\"variables\":[{\"name\":\"uscc\",\"operator\":\"eq\",\"value\":\"" + filing.uscc() + "\"}]}";
		HttpResponse<String> found = auditor.send("POST", ENGINE + "/history/process-instance?firstResult=0&maxResults=20", query);
		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains(id);
		HttpResponse<String> count = auditor.send("POST", ENGINE + "/history/process-instance/count", query);
		assertThat(count.body()).isEqualTo("{\"count\":1}");
	}

	@Test
	void everyWriteOnTheResourcesThePluginReadsIsRefusedForTheAuditor() {
		Filing filing = filing();
		Session auditor = Session.logIn(port, "auditor", "cockpit");
		String id = filing.instance().getId();
		String taskId = filing.task().getId();
		String jobId = management.createJobQuery().list().stream().findFirst().map(j -> j.getId()).orElse("none");
		String variableId = history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("orgName")
			.singleResult().getId();
		String operationId = history.createUserOperationLogQuery().processInstanceId(id).list().get(0).getOperationId();
		String inPublicity = inPublicity().getId();
		HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery().finished().list().stream()
			.findFirst().orElse(null);

		Map<String, String[]> writes = new LinkedHashMap<>();
		writes.put("modify variables", new String[] { "POST", "/process-instance/" + id + "/variables",
				"{\"modifications\":{\"orgName\":{\"value\":\"改名\"}}}" });
		writes.put("put variable", new String[] { "PUT", "/process-instance/" + id + "/variables/orgName", "{\"value\":\"改名\"}" });
		writes.put("delete variable", new String[] { "DELETE", "/process-instance/" + id + "/variables/orgName", null });
		writes.put("suspend", new String[] { "PUT", "/process-instance/" + id + "/suspended", "{\"suspended\":true}" });
		writes.put("modify instance", new String[] { "POST", "/process-instance/" + id + "/modification",
				"{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"cnipaReview\"}]}" });
		writes.put("delete instance", new String[] { "DELETE", "/process-instance/" + id, null });
		writes.put("delete historic variable", new String[] { "DELETE", "/history/variable-instance/" + variableId, null });
		writes.put("delete historic variables", new String[] { "DELETE", "/history/process-instance/" + id + "/variable-instances", null });
		writes.put("claim task", new String[] { "POST", "/task/" + taskId + "/claim", "{\"userId\":\"auditor\"}" });
		writes.put("assign task", new String[] { "POST", "/task/" + taskId + "/assignee", "{\"userId\":\"auditor\"}" });
		writes.put("complete task", new String[] { "POST", "/task/" + taskId + "/complete", "{\"variables\":{}}" });
		writes.put("submit task form", new String[] { "POST", "/task/" + taskId + "/submit-form", "{\"variables\":{}}" });
		writes.put("comment on task", new String[] { "POST", "/task/" + taskId + "/comment/create", "{\"message\":\"审计\"}" });
		writes.put("job retries", new String[] { "PUT", "/job/" + jobId + "/retries", "{\"retries\":3}" });
		writes.put("execute job", new String[] { "POST", "/job/" + jobId + "/execute", null });
		writes.put("job due date", new String[] { "PUT", "/job/" + jobId + "/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0800\"}" });
		writes.put("correlate message", new String[] { "POST", "/message",
				"{\"messageName\":\"ObjectionRaised\",\"processInstanceId\":\"" + inPublicity + "\"}" });
		writes.put("start filing", new String[] { "POST", "/process-definition/key/outlet-filing/start", "{\"variables\":{}}" });
		writes.put("annotate operation", new String[] { "PUT", "/history/user-operation/" + operationId + "/set-annotation",
				"{\"annotation\":\"审计\"}" });
		if (finished != null) {
			writes.put("delete finished instance", new String[] { "DELETE", "/history/process-instance/" + finished.getId(), null });
		}

		Map<String, Integer> answers = new LinkedHashMap<>();
		writes.forEach((name, write) -> answers.put(name, auditor.send(write[0], ENGINE + write[1], write[2]).statusCode()));
		assertThat(answers).as("answers to the auditor's writes").allSatisfy((name, status) -> assertThat(status)
			.as(name).isEqualTo(403));

		// Nothing changed.
		assertThat(runtime.getVariable(id, "orgName")).isEqualTo(filing.orgName());
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).active().count()).isOne();
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		assertThat(task.getAssignee()).isNull();
		assertThat(tasks.getTaskComments(taskId)).isEmpty();
		assertThat(history.createUserOperationLogQuery().operationId(operationId).list())
			.allSatisfy(entry -> assertThat(entry.getAnnotation()).isNull());
		assertThat(tasks.createTaskQuery().processInstanceId(inPublicity).taskDefinitionKey("handleObjection").count())
			.as("objection tasks").isZero();
		if (finished != null) {
			assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count()).isOne();
		}
	}

	@Test
	void recommendersAndApplicantsCannotUseCockpit() {
		for (String user : List.of("shanghai", "beijing", "mct", "applicant")) {
			assertThat(Session.tryLogIn(port, user, "cockpit").statusCode()).as("%s logs in to Cockpit", user).isEqualTo(403);
		}
		assertThat(Session.tryLogIn(port, "auditor", "cockpit").statusCode()).isEqualTo(200);
		assertThat(Session.tryLogIn(port, "cnipa", "cockpit").statusCode()).isEqualTo(200);
	}

	// --- fixtures -------------------------------------------------------------------------------------

	record Filing(ProcessInstance instance, Task task, String uscc, String orgName) {
	}

	/** An application waiting for Shanghai's preliminary review. */
	private Filing filing() {
		String uscc = FilingFixtures.newUscc();
		Map<String, Object> variables = FilingFixtures.application(uscc);
		String orgName = "审计接口测试" + uscc.substring(10) + "研究所";
		variables.put("orgName", orgName);
		// The applicant is the authenticated user, never a variable (README: Security).
		variables.remove("applicant");
		identity.setAuthentication("applicant", List.of("outlets"));
		ProcessInstance instance;
		try {
			instance = runtime.startProcessInstanceByKey("outlet-filing", variables);
		}
		finally {
			identity.clearAuthentication();
		}
		Jobs.runDue(management, instance.getId());
		Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("preliminaryReview")
			.singleResult();
		return new Filing(instance, task, uscc, orgName);
	}

	/** An application recommended and approved, in publicity (waiting for objections, Art. 7(三)). */
	private ProcessInstance inPublicity() {
		Filing filing = filing();
		String id = filing.instance().getId();
		tasks.complete(filing.task().getId(), Map.of("recommendation", "RECOMMEND", "recommenderOpinion", "同意推荐。", "recommenderHead", "陈处长"));
		Jobs.runDue(management, id);
		Task cnipa = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey("cnipaReview").singleResult();
		tasks.complete(cnipa.getId(), Map.of("filingDecision", "APPROVE", "falseMaterials", false, "cnipaOpinion", "准予备案。", "cnipaHead", "刘司长"));
		Jobs.runDue(management, id);
		assertThat(runtime.getVariable(id, "publicityEndsAt")).as("in publicity").isNotNull();
		return filing.instance();
	}

	/** A webapp session: session cookie and CSRF token, as the browser holds them. */
	static final class Session {

		private final CookieManager cookies = new CookieManager();
		private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		private final String base;

		private Session(int port) {
			this.base = "http://localhost:" + port;
		}

		static Session logIn(int port, String user, String app) {
			Session session = new Session(port);
			HttpResponse<String> response = session.logInAs(user, app);
			assertThat(response.statusCode()).as("%s logs in to %s", user, app).isEqualTo(200);
			// As the browser does next: the new session's CSRF token comes with the first request after login.
			assertThat(session.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
			return session;
		}

		static HttpResponse<String> tryLogIn(int port, String user, String app) {
			return new Session(port).logInAs(user, app);
		}

		private HttpResponse<String> logInAs(String user, String app) {
			get("/camunda/app/" + app + "/default/");
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(user, StandardCharsets.UTF_8);
			return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", csrf())
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
		}

		HttpResponse<String> send(String method, String path, String json) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", csrf());
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json)));
		}

		private String csrf() {
			return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
				.map(HttpCookie::getValue).findFirst().orElse("");
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

	}

}
