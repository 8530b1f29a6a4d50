package org.ipoutlet.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A Tasklist login as the browser holds it: session cookie and CSRF token (README "Benchmark"). */
final class WebappSession {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
	private final String base;

	private WebappSession(int port) {
		this.base = "http://localhost:" + port;
	}

	/** Logs {@code user} (demo user: password = user id) in to Tasklist. */
	static WebappSession login(int port, String user) {
		WebappSession session = new WebappSession(port);
		session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(user, StandardCharsets.UTF_8);
		HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
				"application/x-www-form-urlencoded");
		if (login.statusCode() != 200) {
			throw new IllegalStateException("Tasklist login of " + user + ": " + login.statusCode() + " " + login.body());
		}
		session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
		return session;
	}

	HttpResponse<String> send(String method, String path, String body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/hal+json, application/json");
		String token = cookie("XSRF-TOKEN");
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElse(null);
	}

}
