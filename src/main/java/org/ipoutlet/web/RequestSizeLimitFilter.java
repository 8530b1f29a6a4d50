package org.ipoutlet.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses {@code /api/**} request bodies over {@link #MAX_BYTES} with 413: at once when the
 * Content-Length says so (nothing is read), otherwise as soon as the streamed body passes the limit
 * ({@link RequestTooLargeException}). Multipart uploads have their own, lower limits
 * ({@code spring.servlet.multipart}), enforced by the container while it parses them.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	/** 16 MB: a 10 MB document in base64 (about 13.4 MB) plus the 备案表. */
	public static final long MAX_BYTES = 16L * 1024 * 1024;

	private final ObjectMapper objectMapper;
	private final long maxBytes;

	public RequestSizeLimitFilter(ObjectMapper objectMapper, long maxBytes) {
		this.objectMapper = objectMapper;
		this.maxBytes = maxBytes;
	}

	/**
	 * One document uploaded as the body (README, "The 备案表 document"): up to 20 MB, limited by the
	 * documents endpoint itself, which refuses a larger file with a field error.
	 */
	static final java.util.regex.Pattern DOCUMENT_UPLOAD = java.util.regex.Pattern
		.compile("^/api/filings/[^/]+/documents/[^/]+$");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && DOCUMENT_UPLOAD.matcher(ApiPaths.path(request)).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			ProblemDetail problem = Problems.problem(Problems.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE,
					"Request too large", "The request body is larger than " + maxBytes + " bytes", request);
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setHeader(HttpHeaders.CONNECTION, "close");
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			objectMapper.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(new LimitedRequest(request, maxBytes), response);
	}

	/** A request whose body stream fails once more than {@code limit} bytes were read. */
	static class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;
		private ServletInputStream stream;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	static class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;
		private final long limit;
		private long count;

		CountingStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) {
			count += n;
			if (count > limit) {
				throw new RequestTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
