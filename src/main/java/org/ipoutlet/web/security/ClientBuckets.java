package org.ipoutlet.web.security;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * One Bucket4j token bucket per client address for one limit: {@code capacity} tokens, refilled
 * greedily over {@code period}. Buckets of addresses not seen for a period are dropped (a fresh
 * bucket is full, so forgetting one never loosens the limit), and at most 100 000 are kept.
 */
final class ClientBuckets {

	private final long capacity;
	private final Duration period;
	private final Cache<String, Bucket> buckets;

	ClientBuckets(SecuritySettings.Limit limit) {
		this(limit.capacity(), limit.period());
	}

	ClientBuckets(long capacity, Duration period) {
		this.capacity = capacity;
		this.period = period;
		this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(100_000).build();
	}

	private Bucket bucket(String address) {
		return buckets.get(address, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build())
			.build());
	}

	/** Takes a token for this address; empty if there was one, otherwise how long until there is. */
	Optional<Duration> take(String address) {
		ConsumptionProbe probe = bucket(address).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Whether the address has no token left, without taking one; if so, how long until it has. */
	Optional<Duration> exhausted(String address) {
		Bucket bucket = buckets.getIfPresent(address);
		if (bucket == null) {
			return Optional.empty();
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Seconds for a Retry-After header: at least 1. */
	static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
