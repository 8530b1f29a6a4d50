package org.ipoutlet.filing.web;

import static org.ipoutlet.filing.FilingVariables.*;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipoutlet.filing.FilingFixtures;
import org.ipoutlet.validation.JsonValues;
import org.ipoutlet.web.ApiClient;
import org.ipoutlet.web.ApiClient.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test client of {@code /api/filings}: valid bodies, JSON and multipart posts. */
public final class FilingApi {

	static final ObjectMapper JSON = new ObjectMapper();

	/** A small, well-formed PDF document. */
	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final ApiClient api;

	public FilingApi(int port) {
		this.api = new ApiClient(port);
	}

	ApiClient client() {
		return api;
	}

	/** The fixture's valid 备案表 as plain JSON values, without documents. */
	static Map<String, Object> form(String uscc) {
		Map<String, Object> form = new LinkedHashMap<>();
		FilingFixtures.application(uscc).forEach((name, value) -> form.put(name, JsonValues.toJava(value)));
		form.remove(APPLICANT);
		form.remove(WORK_RULES);
		form.remove(SEALED_FORM);
		return form;
	}

	/** A valid JSON submission with the work rules inline in base64. */
	public static Map<String, Object> body(String uscc) {
		Map<String, Object> body = form(uscc);
		body.put(WORK_RULES, document("rules.pdf", PDF));
		body.put(SEALED_FORM, document("备案表-盖章.pdf", PDF));
		return body;
	}

	static Map<String, Object> document(String filename, byte[] content) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("filename", filename);
		document.put("contentBase64", Base64.getEncoder().encodeToString(content));
		return document;
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Response postJson(String user, String path, Object body) {
		String text = body instanceof String s ? s : json(body);
		HttpRequest.Builder request = api.request(path)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		if (user != null) {
			request.header("Authorization", ApiClient.basic(user, user));
		}
		return api.send(request);
	}

	public Response submit(String user, Object body) {
		return postJson(user, "/api/filings", body);
	}

	Response get(String user, String path) {
		return user == null ? api.get(path) : api.get(path, user, user);
	}

	/** A multipart submission: part {@code application} (JSON) and file parts. */
	Response submitMultipart(String user, String applicationJson, List<FilePart> files) {
		return postMultipart(user, "/api/filings", applicationJson, files);
	}

	/** A multipart post to {@code path}: an optional part {@code application} (JSON) and file parts. */
	Response postMultipart(String user, String path, String applicationJson, List<FilePart> files) {
		String boundary = "----ipoutlet" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (applicationJson != null) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
					+ "Content-Type: application/json\r\n\r\n");
			write(out, applicationJson);
			write(out, "\r\n");
		}
		for (FilePart file : files) {
			write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\""
					+ (file.filename() == null ? "" : "; filename=\"" + file.filename() + "\"")
					+ "\r\nContent-Type: application/octet-stream\r\n\r\n");
			out.writeBytes(file.content());
			write(out, "\r\n");
		}
		write(out, "--" + boundary + "--\r\n");
		HttpRequest.Builder request = api.request(path)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", ApiClient.basic(user, user))
			.POST(BodyPublishers.ofByteArray(out.toByteArray()));
		return api.send(request);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	record FilePart(String name, String filename, byte[] content) {
	}

}
