package io.carefin.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The token buckets of this gateway instance, one per key, forgotten once idle for longer
 * than the longest budget period (by then a bucket would be full again anyway).
 */
class Budgets {

	private final Cache<String, Bucket> buckets;

	Budgets(Duration longestPeriod) {
		this.buckets = Caffeine.newBuilder().expireAfterAccess(longestPeriod).maximumSize(1_000_000).build();
	}

	/**
	 * Takes one request from the key's budget, telling whether there was one left and, if
	 * not, how long until there is.
	 */
	ConsumptionProbe tryConsume(String key, RateLimitProperties.Budget budget) {
		Bucket bucket = this.buckets.get(key, (unused) -> Bucket.builder()
			.addLimit((limit) -> limit.capacity(budget.requests()).refillGreedy(budget.requests(), budget.period()))
			.build());
		return bucket.tryConsumeAndReturnRemaining(1);
	}

}
