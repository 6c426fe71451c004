package io.carefin.portal.config;

import org.jspecify.annotations.Nullable;

import io.carefin.portal.help.HelpProperties;
import io.carefin.portal.session.SignedInUser;

/**
 * What the page frame (header, banner, footer, timeout warning) shows around every page.
 *
 * @param maintenanceNotice the notice for the banner, if any
 * @param support provider support's contacts, for the footer
 * @param user the signed-in user, if any
 * @param idleSeconds seconds of inactivity after which the session ends, when signed in
 * @param idleTimeout the idle timeout in words, such as "15 minutes"
 * @param path the path of the page, to mark the navigation's current link
 */
public record Frame(@Nullable String maintenanceNotice, HelpProperties.Support support, @Nullable SignedInUser user,
		long idleSeconds, String idleTimeout, String path) {

	public boolean signedIn() {
		return this.user != null;
	}

}
