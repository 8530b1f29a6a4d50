package org.ipoutlet.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.ipoutlet.identity.WebTest;
import org.ipoutlet.register.OutletRepository;
import org.ipoutlet.register.TestOutlets;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Error pages of Spring and of Tomcat carry no stack trace, exception or server version, and every
 * JSON answer of /api escapes {@code < > & '} (README: Security).
 */
@WebTest
class ErrorPagesAndEscapingTest {

	@LocalServerPort
	int port;

	@Autowired
	OutletRepository repository;

	@Test
	void registerApiEscapesHtmlInStoredText() {
		TestOutlets outlets = new TestOutlets(repository);
		String name = outlets.token() + "<script>alert('x')</script>&中心";
		String filingNo = outlets.outlet(name).insert();
		ApiClient api = new ApiClient(port);

		for (Response response : new Response[] { api.get("/api/outlets?q=" + outlets.token()),
				api.get("/api/outlets/" + filingNo) }) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body()).doesNotContain("<script>")
				.doesNotContain("'x'")
				.doesNotContain("&中心")
				.contains("\\u003Cscript\\u003E");
			// A JSON parser reads the text as stored.
			assertThat(response.body().contains("\\u0026中心")).isTrue();
		}
		assertThat(api.get("/api/outlets/" + filingNo).json().path("orgName").asText()).isEqualTo(name);
	}

	@Test
	void springErrorPagesShowNoInternals() {
		ApiClient api = new ApiClient(port);
		Response json = api.send(api.request("/no-such-page").header("Accept", "application/json"));
		assertThat(json.status()).isEqualTo(404);
		assertThat(json.body()).doesNotContain("trace").doesNotContain("exception").doesNotContain("Exception");
		Response html = api.send(api.request("/no-such-page").header("Accept", "text/html"));
		assertThat(html.status()).isEqualTo(404);
		assertThat(html.body()).doesNotContain("Exception").doesNotContain("Tomcat");
	}

	@Test
	void tomcatsOwnErrorPageShowsNoReportOrVersion() throws Exception {
		// An encoded slash is refused by Tomcat itself, before any filter or servlet.
		String answer = raw("GET /api/outlets%2F..%2Fme HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).doesNotContain("Tomcat").doesNotContain("Exception").doesNotContain("Servlet");
	}

	private String raw(String request) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
