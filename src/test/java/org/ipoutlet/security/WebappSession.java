package org.ipoutlet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.ipoutlet.security.SecurityTestSupport.Reply;

/**
 * A logged-in session of the Camunda webapps, as Tasklist holds it in the browser: the session cookie
 * from {@code POST /camunda/api/admin/auth/user/default/login/tasklist} and the CSRF token Camunda sends
 * in the {@code XSRF-TOKEN} cookie, returned in the {@code X-XSRF-TOKEN} header on every POST.
 */
final class WebappSession {

	static final String ENGINE_API = "/camunda/api/engine/engine/default";

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
	private final String base;

	private WebappSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logs {@code user} (password = user id) in to Tasklist, or Cockpit for an auditor (who has no Tasklist). */
	static WebappSession login(int port, String user) {
		return login(port, user, user.equals("auditor") ? "cockpit" : "tasklist");
	}

	static WebappSession login(int port, String user, String app) {
		WebappSession session = new WebappSession(port);
		// A first GET under /camunda/api hands out the CSRF token cookie.
		session.get("/camunda/api/admin/auth/user/default");
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(user, StandardCharsets.UTF_8);
		Reply login = session.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(BodyPublishers.ofString(form)), true);
		assertThat(login.status()).as("webapp login of %s: %s", user, login).isEqualTo(200);
		assertThat(session.cookie("JSESSIONID")).as("session cookie").isNotNull();
		// The session changed at login: fetch the token that belongs to it.
		session.get("/camunda/api/admin/auth/user/default");
		assertThat(session.cookie("XSRF-TOKEN")).as("CSRF token cookie").isNotNull();
		return session;
	}

	Reply get(String path) {
		return send(request(path).header("Accept", "application/json").GET(), false);
	}

	Reply postJson(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
			.POST(BodyPublishers.ofString(body instanceof String s ? s : SecurityTestSupport.json(body),
					StandardCharsets.UTF_8)), true);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path));
	}

	private Reply send(HttpRequest.Builder request, boolean withToken) {
		if (withToken) {
			String token = cookie("XSRF-TOKEN");
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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

	String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElse(null);
	}

}
