package org.ipoutlet.web.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;

/**
 * A browser session of the Camunda webapps: its cookies and CSRF token (from a first page view), then
 * the login form and the webapps' engine API, as Tasklist calls them.
 */
final class WebappSession {

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
	private final String base;
	private final String forwardedFor;

	WebappSession(int port, String forwardedFor) throws Exception {
		this.base = "http://localhost:" + port;
		this.forwardedFor = forwardedFor;
		http.send(request("/camunda/app/tasklist/default/").build(), BodyHandlers.discarding());
	}

	/** The login form of Tasklist; then, as Tasklist does, a first call that hands out the new session's token. */
	HttpResponse<String> login(String user, String password) throws Exception {
		HttpResponse<String> login = http.send(request("/camunda/api/admin/auth/user/default/login/tasklist")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + user + "&password=" + password))
			.build(), BodyHandlers.ofString());
		http.send(request("/camunda/api/admin/auth/user/default").build(), BodyHandlers.discarding());
		return login;
	}

	HttpResponse<String> send(String method, String path, String jsonBody) throws Exception {
		return http.send(request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", token());
		return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
	}

	private String token() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse("");
	}

}
