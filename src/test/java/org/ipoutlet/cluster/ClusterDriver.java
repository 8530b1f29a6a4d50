package org.ipoutlet.cluster;

import static org.ipoutlet.filing.FilingVariables.APPLICANT;
import static org.ipoutlet.filing.FilingVariables.SEALED_FORM;
import static org.ipoutlet.filing.FilingVariables.SEALED_FORM;
import static org.ipoutlet.filing.FilingVariables.WORK_RULES;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.institution.Uscc;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.validation.JsonValues;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Drives filings through the nodes' public interfaces only, as the people of the regulation would:
 * applicants {@code POST /api/filings}; the recommender and CNIPA complete their tasks through
 * {@code /engine-rest} (submit-form, as Tasklist does). When nothing is left to review, the cluster's
 * {@link SharedClock} moves past the latest publicity end, so the publicity timers fire on the nodes'
 * job executors as they would a working day later. Requests go round-robin to the live nodes; a failed
 * request (node killed, database down) is retried later.
 */
final class ClusterDriver implements AutoCloseable {

	static final String PASSWORD = "cluster-user-secret-2026";
	static final String RECOMMENDER = "clshanghai";
	static final String REVIEWER = "clcnipa";
	static final int APPLICANTS = 10;

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
	private static final String PDF = Base64.getEncoder()
		.encodeToString("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

	private final List<Node> nodes;
	private final SharedClock clock;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
	private final ExecutorService workers = Executors.newFixedThreadPool(6);
	private final ExecutorService submitters = Executors.newFixedThreadPool(4);
	private final AtomicInteger next = new AtomicInteger();
	/** USCC → application number, for every accepted submission. */
	final Map<String, String> submitted = new ConcurrentHashMap<>();
	final AtomicInteger failedRequests = new AtomicInteger();
	/** How often the cluster's clock was moved past a publicity end. */
	final AtomicInteger clockMoves = new AtomicInteger();

	ClusterDriver(List<Node> nodes, SharedClock clock) {
		this.nodes = nodes;
		this.clock = clock;
	}

	SharedClock clock() {
		return clock;
	}

	/** Creates the applicants, a Shanghai recommender and a CNIPA reviewer through /engine-rest as the administrator. */
	void createUsers() {
		for (int i = 1; i <= APPLICANTS; i++) {
			user(applicant(i), AppGroups.OUTLETS);
		}
		user(RECOMMENDER, "recommender-310000");
		user(REVIEWER, AppGroups.CNIPA_REVIEWERS);
	}

	private void user(String id, String group) {
		Map<String, Object> body = Map.of("profile",
				Map.of("id", id, "firstName", id, "lastName", "测试", "email", id + "@cluster.example"), "credentials",
				Map.of("password", PASSWORD));
		Response created = send(Node.ADMIN, Node.ADMIN_PASSWORD, "POST", "/engine-rest/user/create", body);
		check(created, 204, "create user " + id);
		check(send(Node.ADMIN, Node.ADMIN_PASSWORD, "PUT", "/engine-rest/group/" + group + "/members/" + id, null), 204,
				"membership " + id);
	}

	static String applicant(int i) {
		return "clapplicant" + i;
	}

	/** A valid USCC of a Shanghai legal person, distinct for each number. */
	static String uscc(int number) {
		return Uscc.complete("91310000" + String.format("%09d", number));
	}

	/** Submits the 备案表 of institutions {@code from} .. {@code from + count - 1}, several at a time. */
	void submit(int from, int count) throws Exception {
		List<Future<?>> futures = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			int number = i;
			futures.add(submitters.submit(() -> submitOne(number)));
		}
		for (Future<?> future : futures) {
			future.get();
		}
	}

	/**
	 * Art. 7(一): Shanghai's office enters the institution in its register of provincial outlets, as it
	 * would before recommending it. A release without the register (404 from every node tried) used the
	 * applicant's checkbox {@code provincialOutlet} instead: then the body carries it.
	 */
	private boolean registerProvincialOutlet(String uscc) {
		Map<String, Object> entry = Map.of("uscc", uscc, "orgName", "上海市某高校图书馆", "province", "310000",
				"provincialFilingNo", "沪知信网-" + uscc.substring(8, 17), "filedOn", "2024-05-20");
		int notFound = 0;
		for (int attempt = 0; attempt < 120; attempt++) {
			Response response = send(RECOMMENDER, PASSWORD, "POST", "/api/provincial-outlets", entry);
			if (response.status() == 201 || response.status() == 200) {
				return true;
			}
			if (response.status() == 404 && ++notFound >= Math.max(2, live().size() * 2)) {
				return false;
			}
			if (response.status() != 404 && response.status() < 500 && response.status() != 0) {
				throw new IllegalStateException("Provincial outlet refused: " + response);
			}
			if (response.status() != 404) {
				failedRequests.incrementAndGet();
				pause(1000);
			}
		}
		throw new IllegalStateException("Provincial outlet " + uscc + " kept failing");
	}

	private void submitOne(int number) {
		String uscc = uscc(number);
		Map<String, Object> body = new LinkedHashMap<>();
		FilingFixtures.applicationOutsideRegister(uscc).forEach((name, value) -> body.put(name, JsonValues.toJava(value)));
		body.remove(APPLICANT);
		// Both documents of Art. 6: without them the recommender cannot recommend.
		body.put(WORK_RULES, Map.of("filename", "rules.pdf", "contentBase64", PDF));
		body.put(SEALED_FORM, Map.of("filename", "备案表.pdf", "contentBase64", PDF));
		// A release before the registers of issue 9 took the checkbox provincialOutlet and no serviceItemList.
		Map<String, Object> previousRelease = new LinkedHashMap<>(body);
		previousRelease.remove("serviceItemList");
		previousRelease.put("provincialOutlet", true);
		boolean registered = registerProvincialOutlet(uscc);
		Map<String, Object> sent = registered ? body : previousRelease;
		boolean triedBefore = false;
		for (int attempt = 0; attempt < 120; attempt++) {
			Response response = send(applicant(1 + number % APPLICANTS), PASSWORD, "POST", "/api/filings", sent);
			if (response.status() == 201) {
				submitted.put(uscc, response.json().get("applicationNo").asText());
				return;
			}
			if (response.status() == 409 && triedBefore) {
				// An earlier attempt reached the database but its answer was lost: it is in progress.
				return;
			}
			if (response.status() == 400 && otherRelease(response)) {
				// During a rolling upgrade the request reached a node of the other release: send its body.
				sent = sent == body ? previousRelease : body;
				continue;
			}
			if (response.status() < 500 && response.status() != 0) {
				throw new IllegalStateException("Submission refused: " + response);
			}
			triedBefore = true;
			failedRequests.incrementAndGet();
			pause(1000);
		}
		throw new IllegalStateException("Submission of " + uscc + " kept failing");
	}

	/** Whether a refusal names only the fields issue 9 changed (provincialOutlet, serviceItemList). */
	private static boolean otherRelease(Response response) {
		JsonNode errors = response.json().path("errors");
		if (!errors.isArray() || errors.isEmpty()) {
			return false;
		}
		for (JsonNode e : errors) {
			String field = e.path("field").asText();
			if (!field.equals("provincialOutlet") && !field.startsWith("serviceItemList")) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Works the recommenders' and CNIPA's tasks and lets publicity end until {@code done}
	 * holds; {@code during} runs once per round (e.g. to kill a node at the right moment).
	 */
	void workUntil(BooleanSupplier done, Duration timeout, Runnable during) throws Exception {
		long end = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("Filings not done within " + timeout);
			}
			int worked = complete("preliminaryReview", RECOMMENDER,
					Map.of("recommendation", "RECOMMEND", "recommenderOpinion", "资源和人员实力较强，同意推荐", "recommenderHead", "陈处长"));
			worked += complete("cnipaReview", REVIEWER,
					Map.of("filingDecision", "APPROVE", "falseMaterials", false, "cnipaOpinion", "准予备案，进行公示", "cnipaHead", "刘司长"));
			if (worked == 0) {
				worked = endPublicity();
			}
			during.run();
			if (worked == 0) {
				pause(1000);
			}
		}
	}

	private int complete(String taskKey, String user, Map<String, Object> decision) throws Exception {
		Response tasks = send(user, PASSWORD, "GET", "/engine-rest/task?taskDefinitionKey=" + taskKey + "&maxResults=60",
				null);
		if (tasks.status() != 200) {
			failedRequests.incrementAndGet();
			return 0;
		}
		Map<String, Object> variables = new LinkedHashMap<>();
		decision.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		List<Future<?>> futures = new ArrayList<>();
		for (JsonNode task : tasks.json()) {
			String id = task.get("id").asText();
			futures.add(workers.submit(() -> {
				Response done = send(user, PASSWORD, "POST", "/engine-rest/task/" + id + "/submit-form",
						Map.of("variables", variables));
				if (done.status() != 204) {
					failedRequests.incrementAndGet();
				}
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		return futures.size();
	}

	/** Moves the cluster's clock past the latest publicity end still ahead; 1 if it moved. */
	private int endPublicity() throws Exception {
		Response latest = send(Node.ADMIN, Node.ADMIN_PASSWORD, "GET",
				"/engine-rest/job?activityId=Timer_PublicityEnds&timers=true&sortBy=jobDueDate&sortOrder=desc&maxResults=1",
				null);
		if (latest.status() != 200) {
			failedRequests.incrementAndGet();
			return 0;
		}
		if (latest.json().isEmpty()) {
			return 0;
		}
		Instant due = ZonedDateTime.parse(latest.json().get(0).get("dueDate").asText(), ENGINE_DATE).toInstant();
		if (!due.isAfter(clock.now())) {
			return 0;
		}
		clock.advanceTo(due.plusSeconds(1));
		clockMoves.incrementAndGet();
		return 1;
	}

	/** Filing applications with outcome FILED in the database. */
	static int filed(JdbcTemplate jdbc) {
		try {
			return jdbc.queryForObject("select count(*) from filing_application where outcome = 'FILED'", Integer.class);
		}
		catch (RuntimeException databaseDown) {
			return -1;
		}
	}

	/** The sum of a counter over the live nodes' Prometheus endpoints. */
	double scrape(String counter) {
		double sum = 0;
		for (Node node : live()) {
			Response response = send(node, Node.ADMIN, Node.ADMIN_PASSWORD, "GET", "/actuator/prometheus", null);
			for (String line : response.body().split("\n")) {
				if (line.startsWith(counter + "{") || line.startsWith(counter + " ")) {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
		}
		return sum;
	}

	List<Node> live() {
		List<Node> live = new ArrayList<>();
		for (Node node : nodes) {
			if (node.alive()) {
				live.add(node);
			}
		}
		return Collections.unmodifiableList(live);
	}

	Response send(String user, String password, String method, String path, Object body) {
		List<Node> live = live();
		if (live.isEmpty()) {
			throw new IllegalStateException("No node alive");
		}
		return send(live.get(Math.floorMod(next.getAndIncrement(), live.size())), user, password, method, path, body);
	}

	Response send(Node node, String user, String password, String method, String path, Object body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
			if (body == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(method, BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
			}
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Response(0, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void check(Response response, int expected, String what) {
		if (response.status() != expected) {
			throw new IllegalStateException(what + ": " + response);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		workers.shutdownNow();
		submitters.shutdownNow();
	}

	record Response(int status, String body) {

		JsonNode json() {
			try {
				return JSON.readTree(body);
			}
			catch (IOException ex) {
				throw new IllegalStateException(body, ex);
			}
		}

		@Override
		public String toString() {
			return status + " " + (body.length() > 500 ? body.substring(0, 500) : body);
		}
	}

}
