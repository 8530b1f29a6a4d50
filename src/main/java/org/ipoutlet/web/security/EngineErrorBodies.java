package org.ipoutlet.web.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipoutlet.guard.GuardRefusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The last word on error answers of Camunda's JAX-RS applications, {@code /engine-rest/*} and the
 * webapps' own APIs under {@code /camunda/api/*} (README: Security). Camunda writes an exception's
 * message into the body, which may carry SQL, Java class names or expressions. This filter holds back
 * the body of every answer of status 400 or more and
 * <ul>
 * <li>turns a 5xx that is a submission refused by our form rules into a 400 with the rules' message
 * (Tasklist shows it next to the form);</li>
 * <li>turns a 5xx that is a client's mistake (malformed JSON or Java-serialized variable values, see
 * {@link EngineClientMistakes}) into a 400 with a plain message;</li>
 * <li>replaces any other 5xx body by a generic message with a reference id, logged with the original
 * answer (Camunda logs the exception itself);</li>
 * <li>keeps a 4xx answer but removes internals from its message.</li>
 * </ul>
 * Other answers pass through unbuffered. {@code /engine-rest}'s exception mappers
 * ({@link org.ipoutlet.web.security.EngineRestConfiguration}) already answer this way, with the
 * exception at hand; this filter also covers the webapps' engine API, which has Camunda's mappers.
 */
class EngineErrorBodies extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(EngineErrorBodies.class);

	/** The message of {@link org.ipoutlet.validation.SubmissionRejectedException}, inside the engine's wrapping. */
	private static final Pattern REJECTED = Pattern.compile("(提交内容有误，请更正后重新提交：.*?\\| Invalid submission: .*?)'?$",
			Pattern.DOTALL);

	private final ObjectMapper json;

	public EngineErrorBodies(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HoldingResponse holding = new HoldingResponse(response);
		try {
			chain.doFilter(request, holding);
		}
		finally {
			holding.finish(request, this);
		}
	}

	/** The answer to send instead of a held error body. */
	byte[] rewrite(HttpServletRequest request, HttpServletResponse response, int status, byte[] original) {
		JsonNode body = parse(original);
		String message = body != null && body.path("message").isTextual() ? body.path("message").asText() : "";
		if (status >= 500 && body != null && "InternalError".equals(body.path("type").asText())
				&& body.path("reference").isTextual()) {
			// Already generic (the /engine-rest mappers), logged with its reference.
			return original;
		}
		Object guardRefusal = request.getAttribute(GuardRefusals.REQUEST_ATTRIBUTE);
		if (status == 400 && guardRefusal != null) {
			// The engine's guard refused the command; Camunda's resource called it a missing parameter.
			response.setStatus(403);
			return write(Map.of("type", "AuthorizationException", "message", EngineClientMistakes.clean(guardRefusal.toString())));
		}
		Matcher rejected = REJECTED.matcher(message);
		if (status >= 500 && rejected.find()) {
			// Our server-side form rules refused the submission (a task listener's exception, wrapped by the
			// engine): 400 with the rules' own message, which Tasklist shows next to the form.
			response.setStatus(400);
			return write(Map.of("type", "SubmissionRejected", "message", rejected.group(1)));
		}
		if (status >= 500) {
			if (EngineClientMistakes.isClientMistake(message)) {
				response.setStatus(400);
				return write(Map.of("type", "InvalidRequestException", "message",
						EngineClientMistakes.describe(message)));
			}
			String reference = UUID.randomUUID().toString();
			log.error("Error {} on {} {} [reference={}]: {}", status, request.getMethod(), request.getRequestURI(),
					reference, EngineClientMistakes.truncate(new String(original, StandardCharsets.UTF_8)));
			response.setStatus(500);
			return write(serverError(reference));
		}
		if (body instanceof ObjectNode object && !message.isEmpty()) {
			String clean = EngineClientMistakes.clean(message);
			if (!clean.equals(message)) {
				object.put("message", clean);
				return write(object);
			}
			return original;
		}
		if (body == null && original.length > 0) {
			// Not JSON (an HTML error page of the container): a plain JSON answer of the same status.
			return write(Map.of("type", "RequestRefused", "message", "The request was refused (HTTP " + status + ")"));
		}
		return original;
	}

	/** The body of a 5xx: a generic message and the reference under which it was logged. */
	public static Map<String, Object> serverError(String reference) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "InternalError");
		body.put("message", "An unexpected error occurred. Quote reference " + reference + " when reporting it.");
		body.put("reference", reference);
		return body;
	}

	private JsonNode parse(byte[] body) {
		try {
			return body.length == 0 ? null : json.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private byte[] write(Object value) {
		try {
			return json.writeValueAsBytes(value);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write an error body", ex);
		}
	}

	/**
	 * Passes the answer through, unless its status is 400 or more when the body is first written: then
	 * the body (and its Content-Length) is held until {@link #finish}.
	 */
	static final class HoldingResponse extends HttpServletResponseWrapper {

		private ByteArrayOutputStream held;
		private ServletOutputStream stream;
		private PrintWriter writer;
		private Long contentLength;

		HoldingResponse(HttpServletResponse response) {
			super(response);
		}

		private boolean holding() {
			if (held == null && stream == null && writer == null && getStatus() >= 400) {
				held = new ByteArrayOutputStream();
			}
			return held != null;
		}

		/** Content-Length is set before the status (Jersey does): applied when the body is not held. */
		private void passContentLength() {
			if (contentLength != null) {
				super.setContentLengthLong(contentLength);
				contentLength = null;
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			if (stream == null) {
				if (holding()) {
					stream = new HeldStream(held);
				}
				else {
					passContentLength();
					stream = super.getOutputStream();
				}
			}
			return stream;
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			if (writer == null) {
				if (holding()) {
					String encoding = getCharacterEncoding();
					Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
					writer = new PrintWriter(new OutputStreamWriter(held, charset), true);
				}
				else {
					passContentLength();
					writer = super.getWriter();
				}
			}
			return writer;
		}

		@Override
		public void setContentLength(int length) {
			contentLength = (long) length;
		}

		@Override
		public void setContentLengthLong(long length) {
			contentLength = length;
		}

		@Override
		public void setHeader(String name, String value) {
			if ("Content-Length".equalsIgnoreCase(name)) {
				contentLength = value == null ? null : Long.valueOf(value);
				return;
			}
			super.setHeader(name, value);
		}

		@Override
		public void addHeader(String name, String value) {
			if ("Content-Length".equalsIgnoreCase(name)) {
				contentLength = value == null ? null : Long.valueOf(value);
				return;
			}
			super.addHeader(name, value);
		}

		@Override
		public void setIntHeader(String name, int value) {
			if ("Content-Length".equalsIgnoreCase(name)) {
				contentLength = (long) value;
				return;
			}
			super.setIntHeader(name, value);
		}

		@Override
		public void addIntHeader(String name, int value) {
			if ("Content-Length".equalsIgnoreCase(name)) {
				contentLength = (long) value;
				return;
			}
			super.addIntHeader(name, value);
		}

		@Override
		public void flushBuffer() throws IOException {
			if (held == null) {
				passContentLength();
				super.flushBuffer();
			}
		}

		void finish(HttpServletRequest request, EngineErrorBodies filter) throws IOException {
			if (held == null) {
				if (stream == null && writer == null) {
					passContentLength();
				}
				return;
			}
			if (writer != null) {
				writer.flush();
			}
			HttpServletResponse response = (HttpServletResponse) getResponse();
			byte[] original = held.toByteArray();
			byte[] body = filter.rewrite(request, response, getStatus(), original);
			if (body != original) {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			}
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
		}

	}

	private static final class HeldStream extends ServletOutputStream {

		private final ByteArrayOutputStream held;

		HeldStream(ByteArrayOutputStream held) {
			this.held = held;
		}

		@Override
		public void write(int b) {
			held.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			held.write(b, off, len);
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			throw new UnsupportedOperationException("Held error bodies are written synchronously");
		}

	}

}
