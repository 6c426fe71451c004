package io.carefin.portal.api;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the gateway whose call this is: the browser's address in {@code X-Forwarded-For}
 * (so sign-in budgets and lockout count per browser, not per portal) and the browser
 * request's {@code X-Request-Id}, so one id follows the click through every service.
 */
final class ForwardingInterceptor implements ClientHttpRequestInterceptor {

	/**
	 * The header in which the gateway tells the portal the browser's address.
	 */
	static final String CLIENT_ADDRESS = "X-Client-Address";

	static final String REQUEST_ID = "X-Request-Id";

	private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpServletRequest browser = browserRequest();
		if (browser != null) {
			request.getHeaders().set("X-Forwarded-For", clientAddress(browser));
			String requestId = browser.getHeader(REQUEST_ID);
			if (requestId != null && PLAIN_ID.matcher(requestId).matches()) {
				request.getHeaders().set(REQUEST_ID, requestId);
			}
		}
		return execution.execute(request, body);
	}

	/**
	 * The browser's address: what the gateway says in {@code X-Client-Address}, or the
	 * peer's address when the request did not come through the gateway.
	 */
	static String clientAddress(HttpServletRequest browser) {
		String told = browser.getHeader(CLIENT_ADDRESS);
		return (told != null && ADDRESS.matcher(told.strip()).matches()) ? told.strip() : browser.getRemoteAddr();
	}

	private static @Nullable HttpServletRequest browserRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
