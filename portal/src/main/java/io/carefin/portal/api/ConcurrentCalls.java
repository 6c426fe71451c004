package io.carefin.portal.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * API calls of one browser request made side by side, each on its own virtual thread.
 * <p>
 * The clients read the browser's request at the moment of a call (the session's access
 * token, the browser's address and request id), and the trace continues the request's:
 * each call runs with the request's attributes and trace context. The token is renewed,
 * if due, before the calls start, so that they only read it. Closing waits for every
 * call, so none outlives the request.
 */
public final class ConcurrentCalls implements AutoCloseable {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final RequestAttributes request;

	private final ContextSnapshot context;

	private ConcurrentCalls(RequestAttributes request, ContextSnapshot context) {
		this.request = request;
		this.context = context;
	}

	/**
	 * Calls for the current browser request, whose token is renewed first if due.
	 */
	public static ConcurrentCalls forThisRequest(AccessTokens tokens) {
		tokens.current();
		return new ConcurrentCalls(RequestContextHolder.currentRequestAttributes(), SNAPSHOTS.captureAll());
	}

	/**
	 * Starts a call.
	 */
	public <T> CompletableFuture<T> start(Supplier<T> call) {
		return CompletableFuture.supplyAsync(() -> {
			RequestContextHolder.setRequestAttributes(this.request);
			try (ContextSnapshot.Scope scope = this.context.setThreadLocals()) {
				return call.get();
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
			}
		}, this.threads);
	}

	/**
	 * A call's answer, or the exception it threw.
	 */
	public static <T> T result(CompletableFuture<T> call) {
		try {
			return call.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	@Override
	public void close() {
		this.threads.close();
	}

}
