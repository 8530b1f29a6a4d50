package org.ipoutlet.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which part of the server a request is for, judged by the container's decoded and normalised path
 * (servlet path and path info), never the raw URI, so {@code /api/outlets/%2e%2e/me} is judged as
 * {@code /api/me}. README: Security.
 */
public final class ApiPaths {

	/** The realm of the API's HTTP Basic challenge. */
	public static final String REALM = "outlets";
	public static final String CHALLENGE = "Basic realm=\"" + REALM + "\"";

	private ApiPaths() {
	}

	/** The normalised path of the request inside the application. */
	public static String path(HttpServletRequest request) {
		String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
		String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
		return servletPath + pathInfo;
	}

	/** Whether the request is for the application's API ({@code /api/**}). */
	public static boolean isApi(HttpServletRequest request) {
		return under(path(request), "/api");
	}

	/**
	 * Whether the request is for Camunda's webapps ({@code /camunda/**}) or REST API
	 * ({@code /engine-rest/**}), which Camunda's own filters secure.
	 */
	public static boolean isCamunda(HttpServletRequest request) {
		String path = path(request);
		return under(path, "/camunda") || under(path, "/engine-rest");
	}

	private static boolean under(String path, String prefix) {
		return path.equals(prefix) || path.startsWith(prefix + "/");
	}

}
