package org.ipoutlet.web.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login protection and per-client rate limits ({@code outlet.security.*} in {@code application.yaml}).
 * Every limit is a token bucket per client address: {@code capacity} requests, refilled in full at the end of each
 * {@code period}. README: Security.
 */
@ConfigurationProperties("outlet.security")
public record SecuritySettings(@DefaultValue Login login, @DefaultValue RateLimits rateLimits) {

	/**
	 * The engine's login delay, applied to a user after each wrong password (Camunda's
	 * {@code loginMaxAttempts}, {@code loginDelayBase}, {@code loginDelayFactor}, {@code loginDelayMaxTime}),
	 * and the failed logins an address may make before its logins are refused for a while.
	 */
	public record Login(@DefaultValue("2147483647") int maxAttempts, @DefaultValue("3") int delayBaseSeconds,
			@DefaultValue("2") int delayFactor, @DefaultValue("60") int delayMaxSeconds,
			@DefaultValue("20") long failuresPerAddress, @DefaultValue("10m") Duration failuresPeriod) {
	}

	/** Requests per client address to each public endpoint. */
	public record RateLimits(Limit register, Limit publicity, Limit objections) {

		public RateLimits {
			register = register == null ? new Limit(120, Duration.ofMinutes(1)) : register;
			publicity = publicity == null ? new Limit(120, Duration.ofMinutes(1)) : publicity;
			objections = objections == null ? new Limit(5, Duration.ofMinutes(10)) : objections;
		}

	}

	public record Limit(long capacity, Duration period) {

		public Limit {
			if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
				throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
			}
		}

	}

}
