package org.ipoutlet.tasklist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.ipoutlet.web.ApiClient;

/**
 * A Tasklist login as the browser holds it: Camunda's session cookie and its CSRF token (the
 * {@code XSRF-TOKEN} cookie), which the Tasklist plugin sends back in {@code X-XSRF-TOKEN}.
 */
public final class TasklistSession {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
	private final ApiClient api;
	private final String base;

	private TasklistSession(int port) {
		this.base = "http://localhost:" + port;
		this.api = new ApiClient(port);
	}

	/** Logs {@code user} (password = user id) in to Tasklist. */
	public static TasklistSession login(int port, String user) {
		return login(port, user, "tasklist");
	}

	/** Logs {@code user} (password = user id) in to one of the webapps ({@code tasklist}, {@code cockpit}). */
	public static TasklistSession login(int port, String user, String app) {
		TasklistSession session = new TasklistSession(port);
		session.send(session.request("/camunda/api/admin/auth/user/default").GET());
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(user, StandardCharsets.UTF_8);
		HttpRequest.Builder post = session.request("/camunda/api/admin/auth/user/default/login/" + app)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (session.cookie("XSRF-TOKEN") != null) {
			post.header("X-XSRF-TOKEN", session.cookie("XSRF-TOKEN"));
		}
		ApiClient.Response login = session.send(post);
		assertThat(login.status()).as("%s login of %s: %s", app, user, login).isEqualTo(200);
		// The session changed at login: fetch the token that belongs to it.
		session.send(session.request("/camunda/api/admin/auth/user/default").GET());
		assertThat(session.cookie("XSRF-TOKEN")).as("CSRF token").isNotNull();
		return session;
	}

	/** A GET as the Tasklist plugin makes it: session cookie and CSRF header. */
	public ApiClient.Response get(String path) {
		return send(request(path).header("Accept", "application/json").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")).GET());
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path));
	}

	public ApiClient.Response send(HttpRequest.Builder request) {
		// The cookie handler adds the session cookie; ApiClient reads the answer.
		try {
			return new ApiClient.Response(http.send(request.build(),
					java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A download under the session, its body as bytes. */
	public java.net.http.HttpResponse<byte[]> download(String path) {
		try {
			return http.send(request(path).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.reduce((first, last) -> last)
			.orElse(null);
	}

	ApiClient api() {
		return api;
	}

}
