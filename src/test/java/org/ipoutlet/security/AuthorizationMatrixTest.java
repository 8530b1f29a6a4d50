package org.ipoutlet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ipoutlet.filing.FilingVariables.*;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
/**
 * Issue 7's authorization matrix: every role × every action through {@code /engine-rest} and
 * {@code /api}, each with the outcome least power gives it, written in {@link #TABLE}. Anonymous
 * callers get 401 everywhere but the public register and objections; applicants start filings and work
 * only their own tasks; recommenders see and work only their department's tasks; CNIPA works its tasks
 * and reads everything, but executes no job, modifies no instance and writes no variable outside its
 * tasks (the own recommender also reads the history of the tasks it works: their variables and its own
 * operations); auditors read and never write; administrators may do everything on the engine, yet the
 * application's own rules (assignments only to candidates) hold for them too.
 *
 * <p>A case passes when an allowed action answers 2xx <em>and</em> has its effect, and a denied one
 * answers a refusal (the code the table names, or any of 400/401/403/404/409; a read may also answer
 * 200 with nothing in it) <em>and</em> has no effect, judged by the engine's and the register's state.
 */
@WebTest
class AuthorizationMatrixTest extends SecurityTestSupport {

	enum Role {
		ANONYMOUS("anonymous", null), APPLICANT("applicant", "applicant"), OTHER_APPLICANT("applicant2", "applicant2"),
		OWN_RECOMMENDER("shanghai", "shanghai"), OTHER_RECOMMENDER("beijing", "beijing"), INDUSTRY("mct", "mct"),
		CNIPA("cnipa", "cnipa"), AUDITOR("auditor", "auditor"), ADMIN("admin", "admin");

		final String label;
		final String user;

		Role(String label, String user) {
			this.label = label;
			this.user = user;
		}
	}

	/**
	 * The matrix, one row per action, one column per role in the order of {@link Role}:
	 * {@code allow}, {@code deny} (any refusal) or the exact refusal status.
	 */
	static final Object[][] TABLE = {
		//                                                         anonymous applicant applicant2 shanghai beijing  mct      cnipa    auditor  admin
		{ Action.START,                                           "401",    "allow",  "allow",   "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.START_WITH_INSTRUCTIONS,                         "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.SEE_PRELIMINARY_REVIEW,                          "401",    "deny",   "deny",    "allow", "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.CLAIM_PRELIMINARY_REVIEW,                        "401",    "deny",   "deny",    "allow", "deny",  "deny",  "403",   "403",   "400" },
		{ Action.COMPLETE_PRELIMINARY_REVIEW,                     "401",    "deny",   "deny",    "allow", "deny",  "deny",  "403",   "403",   "allow" },
		{ Action.ASSIGN_PRELIMINARY_REVIEW_TO_APPLICANT,          "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "403",   "403",   "400" },
		{ Action.SEE_CNIPA_REVIEW,                                "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.CLAIM_CNIPA_REVIEW,                              "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "403",   "400" },
		{ Action.COMPLETE_CNIPA_REVIEW,                           "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "403",   "allow" },
		{ Action.ASSIGN_CNIPA_REVIEW_TO_RECOMMENDER,              "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "deny",  "403",   "400" },
		{ Action.SEE_SUPPLEMENT_MATERIALS,                        "401",    "allow",  "deny",    "deny",  "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.COMPLETE_SUPPLEMENT_MATERIALS,                   "401",    "allow",  "deny",    "deny",  "deny",  "deny",  "403",   "403",   "allow" },
		{ Action.ASSIGN_SUPPLEMENT_MATERIALS_TO_OTHER_APPLICANT,  "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "403",   "403",   "400" },
		{ Action.SEE_HANDLE_OBJECTION,                            "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.CLAIM_HANDLE_OBJECTION,                          "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "403",   "400" },
		{ Action.COMPLETE_HANDLE_OBJECTION,                       "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "403",   "allow" },
		{ Action.ASSIGN_HANDLE_OBJECTION_TO_APPLICANT,            "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "deny",  "403",   "400" },
		{ Action.READ_TASK_VARIABLES,                             "401",    "deny",   "deny",    "allow", "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.READ_INSTANCE_VARIABLES,                         "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.WRITE_INSTANCE_VARIABLE,                         "401",    "403",    "deny",    "403",   "deny",  "deny",  "403",   "403",   "allow" },
		{ Action.WRITE_TASK_VARIABLE,                             "401",    "deny",   "deny",    "403",   "deny",  "deny",  "403",   "403",   "allow" },
		{ Action.CORRELATE_OBJECTION_RAISED,                      "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.CORRELATE_CHANGE_REPORTED,                       "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.CORRELATE_RECTIFICATION_ORDERED,                 "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.CORRELATE_MISCONDUCT_FOUND,                      "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.CORRELATE_DESIGNATED_AS_CENTRE,                  "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.EXECUTE_JOB,                                     "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.MODIFY_INSTANCE,                                 "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.DELETE_INSTANCE,                                 "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.READ_HISTORIC_INSTANCES,                         "401",    "deny",   "deny",    "deny",  "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.READ_HISTORIC_VARIABLES,                         "401",    "deny",   "deny",    "allow", "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.READ_USER_OPERATION_LOG,                         "401",    "deny",   "deny",    "allow", "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.DEPLOY,                                          "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.CREATE_FILTER,                                   "401",    "403",    "403",     "403",   "403",   "403",   "403",   "403",   "allow" },
		{ Action.API_SUBMIT_FILING,                               "401",    "allow",  "allow",   "403",   "403",   "403",   "403",   "403",   "403" },
		{ Action.API_FILING_STATUS,                               "401",    "allow",  "404",     "allow", "404",   "404",   "allow", "allow", "404" },
		{ Action.API_ATTACH_DOCUMENTS,                            "401",    "allow",  "404",     "404",   "404",   "404",   "404",   "404",   "404" },
		{ Action.API_OBJECTION,                                   "allow",  "allow",  "allow",   "allow", "allow", "allow", "allow", "allow", "allow" },
		{ Action.API_REGISTER_LIST,                               "allow",  "allow",  "allow",   "allow", "allow", "allow", "allow", "allow", "allow" },
		{ Action.API_REGISTER_OUTLET,                             "allow",  "allow",  "allow",   "allow", "allow", "allow", "allow", "allow", "allow" },
		{ Action.API_CHANGE_REPORT,                               "401",    "allow",  "403",     "403",   "403",   "403",   "403",   "403",   "403" },
		{ Action.API_RENEWAL,                                     "401",    "allow",  "403",     "403",   "403",   "403",   "403",   "403",   "403" },
		{ Action.API_ANNUAL_SUMMARY,                              "401",    "allow",  "403",     "403",   "403",   "403",   "403",   "403",   "403" },
		{ Action.API_RECTIFICATION_ORDER,                         "401",    "403",    "403",     "403",   "403",   "403",   "allow", "403",   "403" },
		{ Action.API_MISCONDUCT,                                  "401",    "403",    "403",     "403",   "403",   "403",   "allow", "403",   "403" },
		{ Action.API_DESIGNATION,                                 "401",    "403",    "403",     "403",   "403",   "403",   "allow", "403",   "403" },
		{ Action.API_ME,                                          "401",    "allow",  "allow",   "allow", "allow", "allow", "allow", "allow", "allow" },
		// Issue 10: CNIPA's national overview; the provincial office reads the outlets an industry department
		// recommended in its province (register, summaries, history), but works none of their tasks.
		{ Action.API_ANNUAL_REPORT_OVERVIEW,                      "401",    "403",    "403",     "403",   "403",   "403",   "allow", "allow", "403" },
		{ Action.API_TERRITORY_OUTLET,                            "401",    "404",    "404",     "allow", "404",   "allow", "allow", "allow", "404" },
		{ Action.READ_TERRITORY_LIFECYCLE_HISTORY,                "401",    "deny",   "deny",    "allow", "deny",  "deny",  "allow", "allow", "allow" },
		{ Action.SEE_TERRITORY_LIFECYCLE_REVIEW,                  "401",    "deny",   "deny",    "deny",  "deny",  "allow", "allow", "allow", "allow" },
		{ Action.CLAIM_TERRITORY_LIFECYCLE_REVIEW,                "401",    "deny",   "deny",    "deny",  "deny",  "allow", "403",   "403",   "400" },
	};

	enum Action {
		START("POST /engine-rest/process-definition/key/outlet-filing/start"),
		START_WITH_INSTRUCTIONS("POST /engine-rest/process-definition/key/outlet-filing/start {startInstructions: cnipaReview}"),
		SEE_PRELIMINARY_REVIEW("GET /engine-rest/task?processInstanceId= · preliminaryReview", true),
		CLAIM_PRELIMINARY_REVIEW("POST /engine-rest/task/{id}/claim · preliminaryReview"),
		COMPLETE_PRELIMINARY_REVIEW("POST /engine-rest/task/{id}/complete · preliminaryReview"),
		ASSIGN_PRELIMINARY_REVIEW_TO_APPLICANT("POST /engine-rest/task/{id}/assignee applicant · preliminaryReview"),
		SEE_CNIPA_REVIEW("GET /engine-rest/task?processInstanceId= · cnipaReview", true),
		CLAIM_CNIPA_REVIEW("POST /engine-rest/task/{id}/claim · cnipaReview"),
		COMPLETE_CNIPA_REVIEW("POST /engine-rest/task/{id}/complete · cnipaReview"),
		ASSIGN_CNIPA_REVIEW_TO_RECOMMENDER("POST /engine-rest/task/{id}/assignee shanghai · cnipaReview"),
		SEE_SUPPLEMENT_MATERIALS("GET /engine-rest/task?processInstanceId= · supplementMaterials", true),
		COMPLETE_SUPPLEMENT_MATERIALS("POST /engine-rest/task/{id}/complete · supplementMaterials"),
		ASSIGN_SUPPLEMENT_MATERIALS_TO_OTHER_APPLICANT("POST /engine-rest/task/{id}/assignee applicant2 · supplementMaterials"),
		SEE_HANDLE_OBJECTION("GET /engine-rest/task?processInstanceId= · handleObjection", true),
		CLAIM_HANDLE_OBJECTION("POST /engine-rest/task/{id}/claim · handleObjection"),
		COMPLETE_HANDLE_OBJECTION("POST /engine-rest/task/{id}/complete · handleObjection"),
		ASSIGN_HANDLE_OBJECTION_TO_APPLICANT("POST /engine-rest/task/{id}/assignee applicant · handleObjection"),
		READ_TASK_VARIABLES("GET /engine-rest/task/{id}/variables · preliminaryReview", true),
		READ_INSTANCE_VARIABLES("GET /engine-rest/process-instance/{id}/variables", true),
		WRITE_INSTANCE_VARIABLE("PUT /engine-rest/process-instance/{id}/variables/recommendation"),
		WRITE_TASK_VARIABLE("PUT /engine-rest/task/{id}/variables/note · preliminaryReview"),
		CORRELATE_OBJECTION_RAISED("POST /engine-rest/message ObjectionRaised"),
		CORRELATE_CHANGE_REPORTED("POST /engine-rest/message ChangeReported"),
		CORRELATE_RECTIFICATION_ORDERED("POST /engine-rest/message RectificationOrdered"),
		CORRELATE_MISCONDUCT_FOUND("POST /engine-rest/message MisconductFound"),
		CORRELATE_DESIGNATED_AS_CENTRE("POST /engine-rest/message DesignatedAsCentre"),
		EXECUTE_JOB("POST /engine-rest/job/{id}/execute"),
		MODIFY_INSTANCE("POST /engine-rest/process-instance/{id}/modification"),
		DELETE_INSTANCE("DELETE /engine-rest/process-instance/{id}"),
		READ_HISTORIC_INSTANCES("GET /engine-rest/history/process-instance", true),
		READ_HISTORIC_VARIABLES("GET /engine-rest/history/variable-instance", true),
		READ_USER_OPERATION_LOG("GET /engine-rest/history/user-operation", true),
		DEPLOY("POST /engine-rest/deployment/create"),
		CREATE_FILTER("POST /engine-rest/filter/create"),
		API_SUBMIT_FILING("POST /api/filings"),
		API_FILING_STATUS("GET /api/filings/{no}", true),
		API_ATTACH_DOCUMENTS("POST /api/filings/{no}/attachments"),
		API_OBJECTION("POST /api/filings/{no}/objections"),
		API_REGISTER_LIST("GET /api/outlets", true),
		API_REGISTER_OUTLET("GET /api/outlets/{no}", true),
		API_CHANGE_REPORT("POST /api/outlets/{no}/change-reports"),
		API_RENEWAL("POST /api/outlets/{no}/renewal"),
		API_ANNUAL_SUMMARY("POST /api/outlets/{no}/annual-summaries"),
		API_RECTIFICATION_ORDER("POST /api/outlets/{no}/rectification-orders"),
		API_MISCONDUCT("POST /api/outlets/{no}/misconduct"),
		API_DESIGNATION("POST /api/outlets/{no}/designations"),
		API_ME("GET /api/me", true),
		API_ANNUAL_REPORT_OVERVIEW("GET /api/annual-reports/{year}/overview", true),
		API_TERRITORY_OUTLET("GET /api/territory/outlets/{no} · MCT's outlet in Shanghai", true),
		READ_TERRITORY_LIFECYCLE_HISTORY("GET /engine-rest/history/process-instance?processInstanceId= · MCT's outlet in Shanghai", true),
		SEE_TERRITORY_LIFECYCLE_REVIEW("GET /engine-rest/task?processInstanceId= · reviewAnnualSummary of MCT's outlet in Shanghai", true),
		CLAIM_TERRITORY_LIFECYCLE_REVIEW("POST /engine-rest/task/{id}/claim · reviewAnnualSummary of MCT's outlet in Shanghai");

		final String label;
		final boolean read;

		Action(String label) {
			this(label, false);
		}

		Action(String label, boolean read) {
			this.label = label;
			this.read = read;
		}
	}

	/**
	 * All rows, or only the actions named in the system property {@code matrix.only} (comma-separated,
	 * e.g. {@code -Dmatrix.only=EXECUTE_JOB,MODIFY_INSTANCE}) to re-run a few rows while working on them.
	 */
	static Stream<Arguments> matrix() {
		String only = System.getProperty("matrix.only", "").strip();
		List<String> selected = only.isEmpty() ? List.of() : List.of(only.split("\\s*,\\s*"));
		List<Arguments> cases = new ArrayList<>();
		for (Object[] row : TABLE) {
			Action action = (Action) row[0];
			if (!selected.isEmpty() && !selected.contains(action.name())) {
				continue;
			}
			for (Role role : Role.values()) {
				String expected = (String) row[1 + role.ordinal()];
				String shown = expected.equals("allow") ? "allow" : expected.equals("deny") ? "deny" : "deny " + expected;
				cases.add(Arguments.of(Named.of(role.label + " · " + action.label + " · " + shown, action), role, expected));
			}
		}
		return cases.stream();
	}

	/** Shared fixtures for reads, which change nothing (created once per JVM, lazily). */
	private static final Map<String, Object> SHARED = new LinkedHashMap<>();

	@Autowired
	FilterService filters;

	@ParameterizedTest(name = "{0}")
	@MethodSource("matrix")
	void matrix(Action action, Role role, String expected) {
		Outcome outcome = perform(action, role.user);

		if (expected.equals("allow")) {
			assertThat(outcome.reply().status()).as("allowed: %s", outcome.reply()).isBetween(200, 299);
			assertThat(outcome.effect()).as("allowed, but had no effect: %s", outcome.reply()).isTrue();
		}
		else {
			assertThat(outcome.effect()).as("denied, but it had its effect: %s", outcome.reply()).isFalse();
			if (expected.equals("deny")) {
				if (action.read && outcome.reply().status() == 200) {
					return; // a read that shows nothing
				}
				assertThat(outcome.reply().status()).as("a refusal: %s", outcome.reply()).isIn(DENIED);
			}
			else {
				assertThat(outcome.reply().status()).as(outcome.reply().toString()).isEqualTo(Integer.parseInt(expected));
			}
			if (outcome.reply().status() == 400) {
				assertNoInternals(outcome.reply());
			}
		}
	}

	/** What a request answered and whether it had the effect the action is for. */
	record Outcome(Reply reply, boolean effect) {
	}

	private Outcome perform(Action action, String user) {
		return switch (action) {
			case START -> {
				String uscc = FilingFixtures.newUscc();
				Reply reply = engine(user, "POST", "/process-definition/key/outlet-filing/start",
						variablesBody(startVariables(uscc)));
				yield new Outcome(reply, instancesWith(uscc) > 0);
			}
			case START_WITH_INSTRUCTIONS -> {
				String uscc = FilingFixtures.newUscc();
				Reply reply = engine(user, "POST", "/process-definition/key/outlet-filing/start", Map.of("variables",
						typed(startVariables(uscc)), "startInstructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", "cnipaReview"))));
				yield new Outcome(reply, instancesWith(uscc) > 0);
			}
			case SEE_PRELIMINARY_REVIEW -> see(user, sharedPreliminaryReview(), "preliminaryReview");
			case SEE_CNIPA_REVIEW -> see(user, shared("cnipaReview", this::atCnipaReview), "cnipaReview");
			case SEE_SUPPLEMENT_MATERIALS -> see(user, shared("supplement", this::atSupplementMaterials), "supplementMaterials");
			case SEE_HANDLE_OBJECTION -> see(user, shared("objection", this::withObjection), "handleObjection");
			case CLAIM_PRELIMINARY_REVIEW -> claim(user, atPreliminaryReview(), "preliminaryReview");
			case CLAIM_CNIPA_REVIEW -> claim(user, atCnipaReview(), "cnipaReview");
			case CLAIM_HANDLE_OBJECTION -> claim(user, withObjection(), "handleObjection");
			case COMPLETE_PRELIMINARY_REVIEW -> complete(user, atPreliminaryReview(), "preliminaryReview",
					Map.of(RECOMMENDATION, "RECOMMEND", RECOMMENDER_OPINION, "同意推荐", RECOMMENDER_HEAD, "陈处长"));
			case COMPLETE_CNIPA_REVIEW -> complete(user, atCnipaReview(), "cnipaReview",
					Map.of(FILING_DECISION, "APPROVE", CNIPA_OPINION, "准予备案，进行公示", CNIPA_HEAD, "刘司长"));
			case COMPLETE_SUPPLEMENT_MATERIALS -> {
				Filing filing = atSupplementMaterials();
				yield complete(user, filing, "supplementMaterials", startVariables(filing.uscc()));
			}
			case COMPLETE_HANDLE_OBJECTION -> complete(user, withObjection(), "handleObjection",
					Map.of(OBJECTION_UPHELD, false, OBJECTION_FINDING, "经核查，异议不成立", CNIPA_HEAD, "刘司长"));
			case ASSIGN_PRELIMINARY_REVIEW_TO_APPLICANT -> assign(user, atPreliminaryReview(), "preliminaryReview", "applicant");
			case ASSIGN_CNIPA_REVIEW_TO_RECOMMENDER -> assign(user, atCnipaReview(), "cnipaReview", "shanghai");
			case ASSIGN_SUPPLEMENT_MATERIALS_TO_OTHER_APPLICANT -> assign(user, atSupplementMaterials(), "supplementMaterials",
					"applicant2");
			case ASSIGN_HANDLE_OBJECTION_TO_APPLICANT -> assign(user, withObjection(), "handleObjection", "applicant");
			case READ_TASK_VARIABLES -> {
				Task review = openTask(sharedPreliminaryReview(), "preliminaryReview");
				Reply reply = engine(user, "GET", "/task/" + review.getId() + "/variables", null);
				yield new Outcome(reply, reply.status() == 200 && reply.json().has(USCC));
			}
			case READ_INSTANCE_VARIABLES -> {
				Reply reply = engine(user, "GET", "/process-instance/" + sharedPreliminaryReview().processInstanceId()
						+ "/variables", null);
				yield new Outcome(reply, reply.status() == 200 && reply.json().has(USCC));
			}
			case WRITE_INSTANCE_VARIABLE -> {
				Filing filing = atPreliminaryReview();
				Reply reply = engine(user, "PUT", "/process-instance/" + filing.processInstanceId() + "/variables/"
						+ RECOMMENDATION, Map.of("value", "RECOMMEND", "type", "String"));
				yield new Outcome(reply, "RECOMMEND".equals(variable(filing, RECOMMENDATION)));
			}
			case WRITE_TASK_VARIABLE -> {
				Filing filing = atPreliminaryReview();
				Task review = openTask(filing, "preliminaryReview");
				Reply reply = engine(user, "PUT", "/task/" + review.getId() + "/variables/note",
						Map.of("value", "备注", "type", "String"));
				yield new Outcome(reply, tasks.getVariable(review.getId(), "note") != null);
			}
			case CORRELATE_OBJECTION_RAISED -> {
				Filing filing = inPublicity();
				yield correlate(user, filing.processInstanceId(), MESSAGE_OBJECTION_RAISED, filing.applicationNo(),
						Map.of(OBJECTION, "异议", OBJECTOR_CONTACT, "13800000000"));
			}
			case CORRELATE_CHANGE_REPORTED -> {
				Lifecycle outlet = filedOutlet();
				yield correlate(user, outlet.processInstanceId(), "ChangeReported", outlet.filingNo(),
						Map.of("address", "上海市徐汇区新路1号", "changedFields", "address", "changeSummary", "地址变更"));
			}
			case CORRELATE_RECTIFICATION_ORDERED -> {
				Lifecycle outlet = filedOutlet();
				yield correlate(user, outlet.processInstanceId(), "RectificationOrdered", outlet.filingNo(),
						Map.of("rectificationReason", "服务开展不足"));
			}
			case CORRELATE_MISCONDUCT_FOUND -> {
				Lifecycle outlet = filedOutlet();
				yield correlate(user, outlet.processInstanceId(), "MisconductFound", outlet.filingNo(),
						Map.of("misconductType", "FALSE_MATERIALS"));
			}
			case CORRELATE_DESIGNATED_AS_CENTRE -> {
				Lifecycle outlet = filedOutlet();
				yield correlate(user, outlet.processInstanceId(), "DesignatedAsCentre", outlet.filingNo(),
						Map.of("designation", "TISC"));
			}
			case EXECUTE_JOB -> {
				Filing filing = submitted("applicant");
				Job eligibility = management.createJobQuery().processInstanceId(filing.processInstanceId()).singleResult();
				Reply reply = engine(user, "POST", "/job/" + eligibility.getId() + "/execute", null);
				yield new Outcome(reply, management.createJobQuery().jobId(eligibility.getId()).count() == 0);
			}
			case MODIFY_INSTANCE -> {
				Filing filing = atPreliminaryReview();
				Reply reply = engine(user, "POST", "/process-instance/" + filing.processInstanceId() + "/modification",
						Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "cnipaReview"))));
				yield new Outcome(reply, openTask(filing, "cnipaReview") != null);
			}
			case DELETE_INSTANCE -> {
				Filing filing = atPreliminaryReview();
				Reply reply = engine(user, "DELETE", "/process-instance/" + filing.processInstanceId(), null);
				yield new Outcome(reply, !active(filing.processInstanceId()));
			}
			case READ_HISTORIC_INSTANCES -> readList(engine(user, "GET", "/history/process-instance?processInstanceId="
					+ sharedPreliminaryReview().processInstanceId(), null));
			case READ_HISTORIC_VARIABLES -> readList(engine(user, "GET", "/history/variable-instance?processInstanceId="
					+ sharedPreliminaryReview().processInstanceId(), null));
			case READ_USER_OPERATION_LOG -> readList(engine(user, "GET", "/history/user-operation?processInstanceId="
					+ sharedPreliminaryReview().processInstanceId(), null));
			case DEPLOY -> deploy(user);
			case CREATE_FILTER -> {
				long before = filters.createFilterQuery().count();
				Reply reply = engine(user, "POST", "/filter/create", Map.of("resourceType", "Task", "name",
						"矩阵过滤器-" + UUID.randomUUID(), "query", Map.of("active", true), "properties", Map.of()));
				boolean created = filters.createFilterQuery().count() > before;
				if (reply.status() == 200) {
					filters.deleteFilter(reply.json().path("id").asText());
				}
				yield new Outcome(reply, created);
			}
			case API_SUBMIT_FILING -> {
				String uscc = FilingFixtures.newUscc();
				Reply reply = api(user, "POST", "/api/filings", apiBody(uscc));
				yield new Outcome(reply, instancesWith(uscc) > 0);
			}
			case API_FILING_STATUS -> {
				Filing filing = sharedPreliminaryReview();
				Reply reply = api(user, "GET", "/api/filings/" + filing.applicationNo(), null);
				yield new Outcome(reply, reply.status() == 200
						&& filing.applicationNo().equals(reply.json().path("applicationNo").asText()));
			}
			case API_ATTACH_DOCUMENTS -> {
				Filing filing = atPreliminaryReview();
				Reply reply = attach(user, filing);
				// The fixture's start carries a scan of its own: the effect is the attached one.
				yield new Outcome(reply, "备案表.png".equals(sealedFormName(filing)));
			}
			case API_OBJECTION -> {
				Filing filing = shared("publicity", this::inPublicity);
				long before = objections(filing);
				Reply reply = api(user, "POST", "/api/filings/" + filing.applicationNo() + "/objections",
						Map.of(OBJECTION, "异议：" + user, OBJECTOR_CONTACT, "13800000000"));
				yield new Outcome(reply, objections(filing) == before + 1);
			}
			case API_REGISTER_LIST -> {
				Lifecycle outlet = shared("outlet", this::filedOutlet);
				Reply reply = api(user, "GET", "/api/outlets?size=100&q=" + outlet.filingNo(), null);
				yield new Outcome(reply, reply.status() == 200 && reply.body().contains(outlet.filingNo()));
			}
			case API_REGISTER_OUTLET -> {
				Lifecycle outlet = shared("outlet", this::filedOutlet);
				Reply reply = api(user, "GET", "/api/outlets/" + outlet.filingNo(), null);
				yield new Outcome(reply, reply.status() == 200 && reply.body().contains(outlet.filingNo()));
			}
			case API_CHANGE_REPORT -> {
				Lifecycle outlet = filedOutlet();
				Reply reply = api(user, "POST", "/api/outlets/" + outlet.filingNo() + "/change-reports",
						Map.of("address", "上海市徐汇区新路1号"));
				yield new Outcome(reply, lifecycleTask(outlet, "reviewChangeReport") != null);
			}
			case API_RENEWAL -> {
				Lifecycle outlet = filedOutlet();
				fireTimer(outlet, "Timer_RenewalWindow");
				Reply reply = api(user, "POST", "/api/outlets/" + outlet.filingNo() + "/renewal",
						Map.of("independentLegalEntity", true, "staffTotal", 15, "staffFullTime", 8, "workFoundation",
								"三年来服务运行良好", "developmentPlan", "扩大中小微企业服务", "declarationTruthful", true));
				yield new Outcome(reply, lifecycleTask(outlet, "applyForRenewal") == null);
			}
			case API_ANNUAL_SUMMARY -> {
				Lifecycle outlet = filedOutlet();
				fireTimer(outlet, "Timer_SummaryOpens");
				Reply reply = api(user, "POST", "/api/outlets/" + outlet.filingNo() + "/annual-summaries",
						Map.of("annualSummary", "本年度开展咨询、检索、培训服务。"));
				yield new Outcome(reply, lifecycleTask(outlet, "submitAnnualSummary") == null);
			}
			case API_RECTIFICATION_ORDER -> lifecycleAction(user, "rectification-orders",
					Map.of("rectificationReason", "服务开展不足"));
			case API_MISCONDUCT -> lifecycleAction(user, "misconduct", Map.of("misconductType", "FALSE_MATERIALS",
					"facts", "备案材料中的人员名单系伪造", "decision", "撤销备案，三年内不得再提交备案申请"));
			case API_DESIGNATION -> lifecycleAction(user, "designations", Map.of("designation", "TISC"));
			case API_ME -> {
				Reply reply = api(user, "GET", "/api/me", null);
				yield new Outcome(reply, reply.status() == 200 && reply.body().contains("\"" + user + "\""));
			}
			case API_ANNUAL_REPORT_OVERVIEW -> {
				IndustryOutlet outlet = shared("industryOutlet", this::industryOutletInShanghai);
				Reply reply = api(user, "GET", "/api/annual-reports/" + outlet.reportYear() + "/overview", null);
				yield new Outcome(reply, reply.status() == 200 && reply.body().contains(outlet.filingNo()));
			}
			case API_TERRITORY_OUTLET -> {
				IndustryOutlet outlet = shared("industryOutlet", this::industryOutletInShanghai);
				Reply reply = api(user, "GET", "/api/territory/outlets/" + outlet.filingNo(), null);
				yield new Outcome(reply, reply.status() == 200 && reply.body().contains(outlet.filingNo())
						&& reply.json().path("history").size() > 0);
			}
			case READ_TERRITORY_LIFECYCLE_HISTORY -> readList(engine(user, "GET",
					"/history/process-instance?processInstanceId="
							+ shared("industryOutlet", this::industryOutletInShanghai).processInstanceId(), null));
			case SEE_TERRITORY_LIFECYCLE_REVIEW -> {
				IndustryOutlet outlet = shared("industryOutlet", this::industryOutletInShanghai);
				Task review = tasks.createTaskQuery().processInstanceId(outlet.processInstanceId())
					.taskDefinitionKey("reviewAnnualSummary").singleResult();
				Reply reply = engine(user, "GET", "/task?processInstanceId=" + outlet.processInstanceId(), null);
				yield new Outcome(reply, reply.status() == 200 && reply.body().contains(review.getId()));
			}
			case CLAIM_TERRITORY_LIFECYCLE_REVIEW -> {
				IndustryOutlet outlet = industryOutletInShanghai();
				Task review = tasks.createTaskQuery().processInstanceId(outlet.processInstanceId())
					.taskDefinitionKey("reviewAnnualSummary").singleResult();
				Reply reply = engine(user, "POST", "/task/" + review.getId() + "/claim",
						Map.of("userId", user == null ? "x" : user));
				String assignee = tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee();
				yield new Outcome(reply, user != null && user.equals(assignee));
			}
		};
	}

	// --- the actions' requests and effects ---

	private Outcome see(String user, Filing filing, String key) {
		Task task = openTask(filing, key);
		Reply reply = engine(user, "GET", "/task?processInstanceId=" + filing.processInstanceId(), null);
		boolean seen = reply.status() == 200 && reply.body().contains(task.getId());
		return new Outcome(reply, seen);
	}

	private Outcome claim(String user, Filing filing, String key) {
		Task task = openTask(filing, key);
		Reply reply = engine(user, "POST", "/task/" + task.getId() + "/claim", Map.of("userId", user == null ? "x" : user));
		String assignee = tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
		return new Outcome(reply, user != null && user.equals(assignee));
	}

	private Outcome complete(String user, Filing filing, String key, Map<String, Object> variables) {
		Task task = openTask(filing, key);
		Reply reply = engine(user, "POST", "/task/" + task.getId() + "/complete", variablesBody(variables));
		return new Outcome(reply, tasks.createTaskQuery().taskId(task.getId()).count() == 0);
	}

	private Outcome assign(String user, Filing filing, String key, String assignee) {
		Task task = openTask(filing, key);
		Reply reply = engine(user, "POST", "/task/" + task.getId() + "/assignee", Map.of("userId", assignee));
		return new Outcome(reply, assignee.equals(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
				&& !assignee.equals(task.getAssignee()));
	}

	private Outcome correlate(String user, String processInstanceId, String message, String businessKey,
			Map<String, Object> variables) {
		InstanceState before = state(processInstanceId);
		Reply reply = engine(user, "POST", "/message", Map.of("messageName", message, "businessKey", businessKey,
				"processVariables", typed(variables)));
		return new Outcome(reply, !state(processInstanceId).equals(before));
	}

	private Outcome readList(Reply reply) {
		return new Outcome(reply, reply.status() == 200 && reply.json().isArray() && !reply.json().isEmpty());
	}

	private Outcome lifecycleAction(String user, String action, Map<String, Object> body) {
		Lifecycle outlet = filedOutlet();
		InstanceState before = state(outlet.processInstanceId());
		Reply reply = api(user, "POST", "/api/outlets/" + outlet.filingNo() + "/" + action, body);
		return new Outcome(reply, !state(outlet.processInstanceId()).equals(before));
	}

	private Outcome deploy(String user) {
		String key = "matrix-probe-" + UUID.randomUUID().toString().substring(0, 8);
		String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
			.startEvent().endEvent().done());
		String boundary = "----matrix" + UUID.randomUUID();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + ".bpmn\"; filename=\"" + key
				+ ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
		long before = repository.createDeploymentQuery().deploymentName(key).count();
		var request = request("/engine-rest/deployment/create")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		Reply reply = send(request);
		boolean deployed = repository.createDeploymentQuery().deploymentName(key).count() > before;
		repository.createDeploymentQuery().deploymentName(key).list()
			.forEach(d -> repository.deleteDeployment(d.getId(), true));
		return new Outcome(reply, deployed);
	}

	private String sealedFormName(Filing filing) {
		var value = runtime.getVariableTyped(filing.processInstanceId(), SEALED_FORM);
		return value instanceof org.camunda.bpm.engine.variable.value.FileValue file ? file.getFilename() : null;
	}

	private Reply attach(String user, Filing filing) {
		String boundary = "----matrix" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sealedForm\"; filename=\"备案表.png\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] png = org.ipoutlet.document.TestDocuments.PNG;
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + png.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(png, 0, body, head.length, png.length);
		System.arraycopy(tail, 0, body, head.length + png.length, tail.length);
		var request = request("/api/filings/" + filing.applicationNo() + "/attachments")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body));
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return send(request);
	}

	private long instancesWith(String uscc) {
		return history.createHistoricVariableInstanceQuery().variableName(USCC).variableValueEquals(USCC, uscc).count();
	}

	private long objections(Filing filing) {
		return tasks.createTaskQuery().processInstanceId(filing.processInstanceId()).taskDefinitionKey("handleObjection")
			.count();
	}

	private Task lifecycleTask(Lifecycle outlet, String key) {
		return tasks.createTaskQuery().processInstanceId(outlet.processInstanceId()).taskDefinitionKey(key).singleResult();
	}

	private void fireTimer(Lifecycle outlet, String activityId) {
		Job timer = management.createJobQuery().processInstanceId(outlet.processInstanceId()).timers()
			.activityId(activityId).singleResult();
		assertThat(timer).as("setup: timer %s", activityId).isNotNull();
		ClockUtil.setCurrentTime(timer.getDuedate());
		management.executeJob(timer.getId());
		for (int i = 0; i < 20; i++) {
			List<Job> jobs = management.createJobQuery().processInstanceId(outlet.processInstanceId()).messages().list();
			if (jobs.isEmpty()) {
				break;
			}
			jobs.forEach(job -> management.executeJob(job.getId()));
		}
	}

	/** An outlet MCT recommended, sitting in Shanghai, and the report year of its first annual summary. */
	record IndustryOutlet(String filingNo, String processInstanceId, int reportYear) {
	}

	/**
	 * An outlet MCT recommended in Shanghai (Art. 4, 15: Shanghai's office manages its territory), with
	 * its first annual summary submitted and awaiting MCT's review.
	 */
	private IndustryOutlet industryOutletInShanghai() {
		String unique = UUID.randomUUID().toString().replace("-", "").toUpperCase();
		String filingNo = "WI-" + unique.substring(0, 10);
		java.time.LocalDate validFrom = java.time.LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(),
				java.time.ZoneId.of("Asia/Shanghai"));
		org.ipoutlet.register.Outlet.OutletDetails details = new org.ipoutlet.register.Outlet.OutletDetails(
				"文旅部推荐的上海网点" + filingNo, "MUSEUM", "事业单位", "310000", "上海市某路2号", null, null, "张三", "李四",
				"021-64000001", "ip@example.org", "企业", List.of("CONSULTATION", "SEARCH", "TRAINING"), List.of("PATENT"));
		String uscc = "91" + unique.substring(0, 16);
		outlets.insert(org.ipoutlet.register.Outlet.file(filingNo, "APP-" + filingNo, uscc, details, "mct", "applicant",
				validFrom, validFrom.plusYears(3).minusDays(1), ClockUtil.getCurrentTime().toInstant()));
		Map<String, Object> vars = new java.util.HashMap<>();
		vars.put(FILING_NO, filingNo);
		vars.put(APPLICATION_NO, "APP-" + filingNo);
		vars.put(USCC, uscc);
		vars.put(ORG_NAME, details.orgName());
		vars.put(RECOMMENDER_ID, "mct");
		vars.put(PROVINCE, "310000");
		vars.put("outletUser", "applicant");
		vars.put(VALID_FROM, validFrom.toString());
		vars.put(VALID_UNTIL, validFrom.plusYears(3).minusDays(1).toString());
		String pi = runtime.startProcessInstanceByKey("outlet-lifecycle", filingNo, vars).getId();
		Lifecycle lifecycle = new Lifecycle(filingNo, pi);
		fireTimer(lifecycle, "Timer_SummaryOpens");
		Task submit = lifecycleTask(lifecycle, "submitAnnualSummary");
		tasks.complete(submit.getId(), Map.of("annualSummary", "本年度开展咨询、检索、培训服务。"));
		for (Job job : management.createJobQuery().processInstanceId(pi).messages().list()) {
			management.executeJob(job.getId());
		}
		assertThat(lifecycleTask(lifecycle, "reviewAnnualSummary")).as("setup: MCT's review").isNotNull();
		return new IndustryOutlet(filingNo, pi, validFrom.getYear() + 1);
	}

	/** A filing in preliminaryReview read by many cases; Shanghai claimed it, so its operation log has an entry. */
	private Filing sharedPreliminaryReview() {
		return shared("preliminaryReview", () -> {
			Filing filing = atPreliminaryReview();
			String id = openTask(filing, "preliminaryReview").getId();
			Reply claim = engine("shanghai", "POST", "/task/" + id + "/claim", Map.of("userId", "shanghai"));
			assertThat(claim.status()).as("setup: claim %s", claim).isEqualTo(204);
			return filing;
		});
	}

	@SuppressWarnings("unchecked")
	private <T> T shared(String name, Supplier<T> create) {
		String key = port + "/" + name;
		Object existing = SHARED.get(key);
		if (existing == null) {
			existing = create.get();
			SHARED.put(key, existing);
		}
		return (T) existing;
	}

}
