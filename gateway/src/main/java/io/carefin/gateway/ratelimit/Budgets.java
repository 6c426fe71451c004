package io.carefin.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

/**
 * The token buckets behind the budgets: in Redis, shared by every gateway replica, when
 * Redis is configured, and otherwise in this replica's memory; while Redis cannot answer,
 * requests are counted in memory instead (fail open to the local limit) and
 * {@code carefin.gateway.rate_limit.shared_unavailable} counts each such request.
 */
class Budgets implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Budgets.class);

	private static final String KEY_PREFIX = "carefin:gateway:rate-limit:";

	// the most keys (users, client addresses) whose buckets a replica keeps in memory
	private static final int MAXIMUM_KEYS = 1_000_000;

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	// how often a replica that has never reached Redis tries again; once connected,
	// Lettuce
	// reconnects by itself
	private static final Duration CONNECT_RETRY_INTERVAL = Duration.ofSeconds(2);

	private static final Duration STARTUP_CONNECT_WAIT = Duration.ofSeconds(2);

	private final Cache<String, Bucket> local;

	private final Map<RateLimitProperties.Budget, BucketConfiguration> configurations = new ConcurrentHashMap<>();

	private final @Nullable RedisClient redis;

	private final @Nullable RedisURI redisUri;

	private final Duration longestPeriod;

	private final AtomicReference<@Nullable SharedBuckets> shared = new AtomicReference<>();

	private final AtomicBoolean connecting = new AtomicBoolean();

	private final AtomicLong nextConnectAttempt = new AtomicLong();

	private final Duration sharedTimeout;

	private final Counter sharedUnavailable;

	private final AtomicBoolean sharedAnswering = new AtomicBoolean(true);

	Budgets(RateLimitProperties properties, Duration longestPeriod, MeterRegistry meters) {
		this.local = Caffeine.newBuilder().expireAfterAccess(longestPeriod).maximumSize(MAXIMUM_KEYS).build();
		this.longestPeriod = longestPeriod;
		this.sharedTimeout = properties.redisTimeout();
		this.sharedUnavailable = meters.counter("carefin.gateway.rate_limit.shared_unavailable");
		if (properties.redisUrl() != null) {
			this.redisUri = RedisURI.create(properties.redisUrl());
			this.redis = RedisClient.create();
			this.redis.setOptions(ClientOptions.builder()
				.autoReconnect(true)
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
				.build());
			// a replica starts whether or not Redis answers; a reachable Redis is usually
			// connected before the first request
			connect().completeOnTimeout(null, STARTUP_CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
		}
		else {
			this.redisUri = null;
			this.redis = null;
		}
	}

	/**
	 * Connects to Redis in the background; a gateway that cannot reach Redis still
	 * starts, counts in its own memory and tries again on a later request.
	 */
	private CompletableFuture<@Nullable Object> connect() {
		RedisClient redis = this.redis;
		RedisURI uri = this.redisUri;
		if (redis == null || uri == null || !this.connecting.compareAndSet(false, true)) {
			return CompletableFuture.completedFuture(null);
		}
		return redis.connectAsync(CODEC, uri).toCompletableFuture().handle((connection, ex) -> {
			if (ex == null) {
				this.shared.set(new SharedBuckets(Bucket4jLettuce.casBasedBuilder(connection)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
					.build()
					.asAsync(), this.longestPeriod));
				logger.info("Connected to Redis; rate limits are shared by all replicas");
			}
			else {
				this.nextConnectAttempt.set(System.nanoTime() + CONNECT_RETRY_INTERVAL.toNanos());
				if (this.sharedAnswering.compareAndSet(true, false)) {
					logger.warn("Cannot connect to Redis; counting rate limits in this replica's memory until it can",
							ex);
				}
			}
			this.connecting.set(false);
			return null;
		});
	}

	/**
	 * Spends one request of {@code key}'s budget, telling whether there was one left and,
	 * if not, how long until there is.
	 */
	Mono<ConsumptionProbe> tryConsume(String key, RateLimitProperties.Budget budget) {
		if (this.redis == null) {
			return Mono.fromSupplier(() -> consumeLocally(key, budget));
		}
		SharedBuckets shared = this.shared.get();
		if (shared == null) {
			if (System.nanoTime() - this.nextConnectAttempt.get() >= 0) {
				connect();
			}
			this.sharedUnavailable.increment();
			return Mono.fromSupplier(() -> consumeLocally(key, budget));
		}
		return Mono.fromFuture(() -> shared.bucket(key, configuration(budget)).tryConsumeAndReturnRemaining(1))
			.timeout(this.sharedTimeout)
			.doOnNext((probe) -> {
				if (this.sharedAnswering.compareAndSet(false, true)) {
					logger.info("Redis answers again; rate limits are shared by all replicas");
				}
			})
			.onErrorResume((ex) -> {
				this.sharedUnavailable.increment();
				if (this.sharedAnswering.compareAndSet(true, false)) {
					logger.warn("Redis does not answer; counting rate limits in this replica's memory until it does",
							ex);
				}
				return Mono.fromSupplier(() -> consumeLocally(key, budget));
			});
	}

	private ConsumptionProbe consumeLocally(String key, RateLimitProperties.Budget budget) {
		return this.local
			.get(key, (unused) -> Bucket.builder().addLimit(configuration(budget).getBandwidths()[0]).build())
			.tryConsumeAndReturnRemaining(1);
	}

	// built once per budget rather than on every request
	private BucketConfiguration configuration(RateLimitProperties.Budget budget) {
		return this.configurations.computeIfAbsent(budget, (unused) -> BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(budget.requests()).refillGreedy(budget.requests(), budget.period()))
			.build());
	}

	/**
	 * The buckets in Redis, each with one proxy per key that this replica keeps while the
	 * key is in use: a proxy batches the requests that arrive while its last exchange
	 * with Redis is under way into a single compare-and-swap, where separate proxies
	 * would each read the bucket and race each other's swaps, one retry and two round
	 * trips per lost race.
	 */
	private static final class SharedBuckets {

		private final AsyncProxyManager<String> redis;

		private final Cache<String, AsyncBucketProxy> proxies;

		SharedBuckets(AsyncProxyManager<String> redis, Duration longestPeriod) {
			this.redis = redis;
			this.proxies = Caffeine.newBuilder().expireAfterAccess(longestPeriod).maximumSize(MAXIMUM_KEYS).build();
		}

		AsyncBucketProxy bucket(String key, BucketConfiguration configuration) {
			return this.proxies.get(key,
					(unused) -> this.redis.builder()
						.withOptimization(Optimizations.batching())
						.build(KEY_PREFIX + key, configuration));
		}

	}

	@Override
	public void destroy() {
		if (this.redis != null) {
			this.redis.shutdown();
		}
	}

}
