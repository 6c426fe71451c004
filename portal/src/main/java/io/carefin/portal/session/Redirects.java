package io.carefin.portal.session;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Redirects that also work for htmx requests: htmx follows a plain redirect inside its
 * request and swaps the result into the current page, so it is told to load the target as
 * a whole new page instead ({@code HX-Redirect}).
 */
public final class Redirects {

	private Redirects() {
	}

	/**
	 * Sends the browser to the given path of the portal.
	 */
	public static void to(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", path);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(path);
		}
	}

}
