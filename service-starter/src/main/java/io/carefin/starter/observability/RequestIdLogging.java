package io.carefin.starter.observability;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the gateway's correlation id ({@code X-Request-Id}) on every log line written
 * while a request is served, as {@code requestId} beside the trace and span ids, so a
 * practice's "it failed at 10:42" leads from the gateway's access log to each service's
 * lines. An id that is not a short token of safe characters is left out rather than
 * logged.
 */
class RequestIdLogging extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String KEY = "requestId";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = request.getHeader(HEADER);
		if (id == null || !SAFE.matcher(id).matches()) {
			chain.doFilter(request, response);
			return;
		}
		MDC.put(KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(KEY);
		}
	}

}
