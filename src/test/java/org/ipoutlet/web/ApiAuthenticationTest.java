package org.ipoutlet.web;

import static org.assertj.core.api.Assertions.assertThat;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.WebTest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;

/** HTTP Basic authentication of /api/** against Camunda's users and groups. */
@WebTest
class ApiAuthenticationTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	/** Spring Security's filter chain proxy, the API's authentication. */
	@Autowired
	WebApplicationContext applicationContext;

	@Autowired
	@Qualifier("springSecurityFilterChain")
	Filter securityChain;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		TestUsers.ensure(identityService, "applicant", AppGroups.OUTLETS);
	}

	@Test
	void anonymousCallerOfAProtectedEndpointGets401ProblemWithChallenge() {
		Response response = api.get("/api/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"outlets\"");
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asText()).isEqualTo("urn:ipoutlet:problem:unauthenticated");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("instance").asText()).isEqualTo("/api/me");
	}

	@Test
	void meReturnsTheCallerAndTheirGroups() {
		Response response = api.get("/api/me", "applicant", "applicant");

		assertThat(response.status()).isEqualTo(200);
		JsonNode me = response.json();
		assertThat(me.path("id").asText()).isEqualTo("applicant");
		assertThat(texts(me.path("groups"))).contains("outlets");
		assertThat(me.path("outlet").asBoolean()).isTrue();
		assertThat(me.path("cnipa").asBoolean()).isFalse();
		assertThat(me.path("recommenderIds")).isEmpty();
	}

	/**
	 * Group ids with a hyphen need the identity configuration's resource id pattern, so this runs
	 * once the demo users (shanghai in recommender-310000) exist.
	 */
	@Test
	void meOfARecommenderNamesItsDepartment() {
		assumeTrue(identityService.createUserQuery().userId("shanghai").memberOfGroup("recommender-310000").count() > 0,
				"demo user shanghai not present");

		JsonNode recommender = api.get("/api/me", "shanghai", "shanghai").json();

		assertThat(texts(recommender.path("groups"))).contains("recommender-310000");
		assertThat(texts(recommender.path("recommenderIds"))).containsExactly("310000");
	}

	@Test
	void wrongPasswordOrUnknownUserOrOtherSchemeIs401() {
		// Its own user: Camunda delays logins after a failed attempt, which must not hit other tests.
		String userId = "apitest" + UUID.randomUUID().toString().substring(0, 8);
		TestUsers.ensure(identityService, userId, "secret-" + userId, AppGroups.OUTLETS);

		Response wrong = api.get("/api/me", userId, "not-the-password");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Basic realm=\"outlets\"");
		assertThat(wrong.json().path("detail").asText()).isEqualTo("Wrong user name or password");

		assertThat(api.get("/api/me", "nobody" + userId, "x").status()).isEqualTo(401);
		// Credentials sent to a public endpoint are still checked.
		assertThat(api.get("/api/outlets", userId, "not-the-password").status()).isEqualTo(401);
		assertThat(api.get("/api/outlets", "applicant", "applicant").status()).isEqualTo(200);
		assertThat(api.send(api.request("/api/me").header("Authorization", "Basic !!!")).status()).isEqualTo(401);
		assertThat(api.send(api.request("/api/me").header("Authorization", "Bearer abc")).status()).isEqualTo(401);
	}

	@Test
	void publicEndpointsNeedNoLogin_butEverythingElseUnderApiDoes() {
		assertThat(api.get("/api/outlets").status()).isEqualTo(200);
		assertThat(api.get("/outlets").status()).isEqualTo(200);
		assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
		// Writing to the register is not public, nor is any other API path.
		assertThat(api.send(api.request("/api/outlets").POST(HttpRequest.BodyPublishers.ofString("{}"))).status())
			.isEqualTo(401);
		assertThat(api.get("/api/filings").status()).isEqualTo(401);
		// A dot-segment trick is judged by the normalised path.
		assertThat(api.get("/api/outlets/%2e%2e/me").status()).isEqualTo(401);
		// Known callers of an unknown API path get a 404 problem.
		Response unknown = api.get("/api/no-such-thing", "applicant", "applicant");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void camundaRestAndWebappsAreNotAffected() {
		// The engine's REST API answers with its own (non-problem) behaviour.
		Response engine = api.get("/engine-rest/engine");
		assertThat(engine.header("WWW-Authenticate")).isNotEqualTo("Basic realm=\"outlets\"");
		assertThat(engine.contentType()).doesNotStartWith("application/problem+json");
		Response tasklist = api.get("/camunda/app/tasklist/");
		assertThat(tasklist.status()).isLessThan(400);
		assertThat(tasklist.header("WWW-Authenticate")).isNull();
	}

	@Test
	void engineAuthenticationIsTheCallersDuringTheRequestAndClearedAfterwards() throws Exception {
		// The filter chains' request matchers (e.g. the actuator's) look up the application context.
		MockServletContext servletContext = new MockServletContext();
		servletContext.setAttribute(WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, applicationContext);
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/api/me");
		request.setServletPath("/api/me");
		request.addHeader("Authorization", ApiClient.basic("applicant", "applicant"));
		AtomicReference<Authentication> during = new AtomicReference<>();
		AtomicReference<ApiUser> caller = new AtomicReference<>();

		assertThatThrownBy(() -> securityChain.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			during.set(identityService.getCurrentAuthentication());
			caller.set(ApiUser.current((HttpServletRequest) req).orElseThrow());
			throw new IllegalStateException("the controller failed");
		})).hasMessage("the controller failed");

		assertThat(during.get().getUserId()).isEqualTo("applicant");
		assertThat(during.get().getGroupIds()).contains("outlets");
		assertThat(caller.get().isOutlet()).isTrue();
		assertThat(identityService.getCurrentAuthentication()).isNull();
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(node -> values.add(node.asText()));
		return values;
	}

}
