package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.ipoutlet.identity.WebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletException;

/**
 * Per-client rate limits of the public endpoints (README: Security): the limit refuses the (N+1)th
 * request of one client within the window with 429, a problem with messageZh and Retry-After, while
 * another client is still served.
 */
@WebTest
class RateLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	SecuritySettings settings;

	private final HttpClient http = HttpClient.newHttpClient();
	private final ObjectMapper json = new ObjectMapper();

	@Test
	void objectionsOverTheLimitOfOneClientAre429_anotherClientIsServed() throws Exception {
		String client = LoginProtectionTest.newAddress();
		long limit = settings.rateLimits().objections().capacity();
		for (int i = 0; i < limit; i++) {
			// An unknown application: refused on its merits (not 429) until the limit is reached.
			assertThat(objection(client).statusCode()).isNotEqualTo(429);
		}
		HttpResponse<String> refused = objection(client);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				v -> assertThat(v).startsWith("application/problem+json"));
		assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
				v -> assertThat(Long.parseLong(v)).isBetween(1L, settings.rateLimits().objections().period().toSeconds()));
		JsonNode problem = json.readTree(refused.body());
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("type").asText()).isEqualTo("urn:ipoutlet:problem:too-many-requests");
		assertThat(problem.path("errors").get(0).path("messageZh").asText()).contains("提交异议过于频繁");

		assertThat(objection(LoginProtectionTest.newAddress()).statusCode()).isNotEqualTo(429);
		// The objection limit is its own: the same client still reads the register.
		assertThat(get(client, "/api/outlets").statusCode()).isEqualTo(200);
	}

	/** The filter alone with a limit of 3 per hour: the 4th request of a client is refused. */
	@Test
	void theFilterCountsPerClientAndEndpointGroup() throws Exception {
		SecuritySettings.Limit three = new SecuritySettings.Limit(3, Duration.ofHours(1));
		RateLimitFilter filter = new RateLimitFilter(new SecuritySettings.RateLimits(three, three, three),
				new ProblemWriter(new ObjectMapper()));
		AtomicInteger served = new AtomicInteger();
		for (int i = 0; i < 3; i++) {
			assertThat(run(filter, "POST", "/api/filings/SQ-2026-000001/objections", "203.0.113.1", served)).isEqualTo(200);
		}
		MockHttpServletResponse refused = new MockHttpServletResponse();
		filter.doFilter(request("POST", "/api/filings/SQ-2026-000002/objections", "203.0.113.1"), refused,
				(req, res) -> served.incrementAndGet());
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
		assertThat(served).hasValue(3);

		assertThat(run(filter, "POST", "/api/filings/SQ-2026-000001/objections", "203.0.113.2", served)).isEqualTo(200);
		assertThat(run(filter, "GET", "/api/publicity", "203.0.113.1", served)).isEqualTo(200);
		// The register page and API share one limit.
		for (String path : new String[] { "/outlets", "/api/outlets", "/api/outlets/WD-2026-0001" }) {
			assertThat(run(filter, "GET", path, "203.0.113.3", served)).isEqualTo(200);
		}
		assertThat(run(filter, "GET", "/outlets", "203.0.113.3", served)).isEqualTo(429);
		// Only the public endpoints are limited.
		for (int i = 0; i < 5; i++) {
			assertThat(run(filter, "GET", "/api/filings/SQ-2026-000001", "203.0.113.1", served)).isEqualTo(200);
		}
	}

	private static int run(RateLimitFilter filter, String method, String path, String address, AtomicInteger served)
			throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request(method, path, address), response, (req, res) -> served.incrementAndGet());
		return response.getStatus();
	}

	private static MockHttpServletRequest request(String method, String path, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		request.setRemoteAddr(address);
		return request;
	}

	private HttpResponse<String> objection(String client) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/filings/SQ-1999-999999/objections"))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", client)
			.POST(BodyPublishers.ofString("{\"objection\":\"限流测试\",\"objectorContact\":\"test@example.com\"}"))
			.build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String client, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Forwarded-For", client)
			.build(), BodyHandlers.ofString());
	}

}
