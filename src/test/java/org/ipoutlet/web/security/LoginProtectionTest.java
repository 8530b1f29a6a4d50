package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.ipoutlet.identity.AppGroups;
import org.ipoutlet.identity.WebTest;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Wrong passwords delay a user's logins but never lock the user out for good, failed logins are
 * logged with the client address on all three ways in, and an address with too many failures is
 * throttled while others are not (README: Security). Each test acts as its own client address
 * (X-Forwarded-For from localhost, a trusted proxy in the test configuration).
 */
@WebTest
class LoginProtectionTest {

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	@Autowired
	SecuritySettings settings;

	private final HttpClient http = HttpClient.newHttpClient();
	private final ObjectMapper json = new ObjectMapper();

	@Test
	void fifteenWrongPasswordsDelayButNeverLockTheUser() throws Exception {
		String user = newUser();
		String address = newAddress();
		Date now = new Date();
		for (int i = 0; i < 15; i++) {
			// Past the delay each time, so that every wrong password counts (Camunda's default locks at 10).
			now = new Date(now.getTime() + (settings.login().delayMaxSeconds() + 1) * 1000L);
			ClockUtil.setCurrentTime(now);
			assertThat(api(address, user, "wrong-" + i).statusCode()).isEqualTo(401);
		}
		// Within the delay even the right password is refused ...
		assertThat(api(address, user, "secret-" + user).statusCode()).isEqualTo(401);
		// ... and after it the right password works.
		ClockUtil.setCurrentTime(new Date(now.getTime() + (settings.login().delayMaxSeconds() + 1) * 1000L));
		HttpResponse<String> me = api(address, user, "secret-" + user);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(json.readTree(me.body()).path("id").asText()).isEqualTo(user);
	}

	@Test
	void failedLoginsAreLoggedWithTheClientAddressOnEveryWayIn() throws Exception {
		String user = newUser();
		try (LogCapture log = new LogCapture(LoginThrottle.class)) {
			String viaApi = newAddress();
			assertThat(api(viaApi, user, "wrong").statusCode()).isEqualTo(401);
			String viaEngineRest = newAddress();
			assertThat(send(viaEngineRest, HttpRequest.newBuilder(uri("/engine-rest/process-definition"))
				.header("Authorization", ApiClient.basic(user, "wrong"))).statusCode()).isEqualTo(401);
			String viaWebapp = newAddress();
			HttpResponse<String> webapp = new WebappSession(port, viaWebapp).login(user, "wrong");
			assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(401);

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.messages())
				.anySatisfy(m -> assertThat(m).contains("Failed login from " + viaApi + " via /api as user '" + user + "'"))
				.anySatisfy(m -> assertThat(m).contains("Failed login from " + viaEngineRest + " via /engine-rest"))
				.anySatisfy(m -> assertThat(m).contains("Failed login from " + viaWebapp + " via webapp login")));
		}
	}

	@Test
	void anAddressWithTooManyFailuresIsThrottled_othersAreNot() throws Exception {
		String user = newUser();
		String guesser = newAddress();
		long allowed = settings.login().failuresPerAddress();
		for (int i = 0; i < allowed; i++) {
			assertThat(api(guesser, "nobody-" + i, "guess").statusCode()).isEqualTo(401);
		}
		HttpResponse<String> throttled = api(guesser, user, "secret-" + user);
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Long.parseLong(v)).isPositive());
		JsonNode problem = json.readTree(throttled.body());
		assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
				v -> assertThat(v).startsWith("application/problem+json"));
		assertThat(problem.path("errors").get(0).path("messageZh").asText()).contains("登录失败次数过多");
		// The same address is throttled on /engine-rest too; another address logs in.
		assertThat(send(guesser, HttpRequest.newBuilder(uri("/engine-rest/process-definition"))
			.header("Authorization", ApiClient.basic(user, "secret-" + user))).statusCode()).isEqualTo(429);
		assertThat(api(newAddress(), user, "secret-" + user).statusCode()).isEqualTo(200);
	}

	private String newUser() {
		String user = "login" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		TestUsers.ensure(identityService, user, "secret-" + user, AppGroups.OUTLETS);
		return user;
	}

	/** An address from TEST-NET-2 (RFC 5737), different for each call. */
	static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	private HttpResponse<String> api(String address, String user, String password) throws Exception {
		return send(address, HttpRequest.newBuilder(uri("/api/me")).header("Authorization", ApiClient.basic(user, password)));
	}

	private HttpResponse<String> send(String address, HttpRequest.Builder request) throws Exception {
		return http.send(request.header("X-Forwarded-For", address).build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
