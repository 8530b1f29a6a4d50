package org.ipoutlet.web.security;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ipoutlet.validation.FieldError;
import org.ipoutlet.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Per-client rate limits of the public endpoints (README: Security), one Bucket4j token bucket per
 * client address and endpoint group, configured in {@code outlet.security.rate-limits}:
 * {@code register} (the register, Art. 8: {@code GET /api/outlets}, {@code /api/outlets/{filingNo}},
 * {@code /outlets}), {@code publicity} ({@code GET /api/publicity}) and {@code objections}
 * ({@code POST /api/filings/{no}/objections}, Art. 7(三), the strictest). Over the limit: 429, an
 * RFC 9457 problem with {@code messageZh}, and Retry-After. The client is the request's remote
 * address: behind a reverse proxy, let the container take it from X-Forwarded-For
 * ({@code server.forward-headers-strategy}); the header itself is never trusted here.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final List<Limited> limits;
	private final ProblemWriter problems;

	RateLimitFilter(SecuritySettings.RateLimits settings, ProblemWriter problems) {
		this.limits = List.of(
				new Limited("objections", "objections to a filing", "提交异议",
						matcher(HttpMethod.POST, "/api/filings/[^/?]+/objections"), new ClientBuckets(settings.objections())),
				new Limited("publicity", "the publicity list", "查询公示信息", read("/api/publicity"),
						new ClientBuckets(settings.publicity())),
				new Limited("register", "the outlet register", "查询网点名录",
						request -> read("/api/outlets(/[^/?]+)?").matches(request) || read("/outlets").matches(request),
						new ClientBuckets(settings.register())));
		this.problems = problems;
	}

	/** GET, and HEAD, which costs the same. */
	private static RequestMatcher read(String regex) {
		RequestMatcher get = matcher(HttpMethod.GET, regex);
		RequestMatcher head = matcher(HttpMethod.HEAD, regex);
		return request -> get.matches(request) || head.matches(request);
	}

	private static RequestMatcher matcher(HttpMethod method, String regex) {
		return new RegexRequestMatcher("^" + regex + "/?(\\?.*)?$", method.name(), false);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Limited limited : limits) {
			if (limited.matcher().matches(request)) {
				Optional<Duration> wait = limited.buckets().take(request.getRemoteAddr());
				if (wait.isPresent()) {
					refuse(request, response, limited, wait.get());
					return;
				}
				break;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Limited limited, Duration wait)
			throws IOException {
		long seconds = ClientBuckets.retryAfterSeconds(wait);
		ProblemDetail problem = Problems.problem(Problems.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests", "Too many requests to " + limited.english() + " from this address; try again in "
						+ seconds + " seconds",
				request);
		problem.setProperty("errors", List.of(new FieldError("request", "rateLimit",
				"Too many requests to " + limited.english() + " from this address",
				limited.chinese() + "过于频繁，请在 " + seconds + " 秒后重试")));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		problems.write(response, problem);
	}

	private record Limited(String name, String english, String chinese, RequestMatcher matcher, ClientBuckets buckets) {
	}

}
