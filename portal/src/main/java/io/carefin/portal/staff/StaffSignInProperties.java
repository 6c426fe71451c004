package io.carefin.portal.staff;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where staff sign in: the Keycloak realm that issues their tokens and the portal's
 * confidential client in it.
 *
 * @param issuerUri the realm's issuer, as its tokens name it and as the portal reaches it
 * @param browserIssuerUri the realm as the browser reaches it (its login and sign-out
 * pages), when it differs from {@code issuerUri}
 * @param backChannelUri the realm as the portal reaches it (tokens and keys), when it
 * differs from {@code issuerUri}, such as a cluster-internal address
 * @param publicUri the portal's address as browsers reach it (the gateway's public URL),
 * for the addresses Keycloak sends the browser back to; by default the request's own,
 * which is right in local mode
 * @param clientId the portal's client
 * @param clientSecret the portal's client secret
 */
@ConfigurationProperties("carefin.portal.staff")
public record StaffSignInProperties(@DefaultValue("http://localhost:8180/realms/carefin-staff") URI issuerUri,
		@Nullable URI browserIssuerUri, @Nullable URI backChannelUri, @Nullable URI publicUri,
		@DefaultValue("carefin-portal") String clientId,
		@DefaultValue("carefin-portal-dev-secret") String clientSecret) {

	/**
	 * The realm as the browser reaches it.
	 */
	public URI browserIssuer() {
		return (this.browserIssuerUri != null) ? this.browserIssuerUri : this.issuerUri;
	}

	/**
	 * The start of the addresses Keycloak sends the browser back to: the public address,
	 * or Spring Security's {@code {baseUrl}} (the request's own).
	 */
	public String returnBase() {
		if (this.publicUri == null) {
			return "{baseUrl}";
		}
		String base = this.publicUri.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/**
	 * The origin of the realm's pages in the browser, such as
	 * {@code http://localhost:8180}: the console's sign-out form ends up there.
	 */
	public String browserOrigin() {
		URI browser = browserIssuer();
		return browser.getScheme() + "://" + browser.getAuthority();
	}

	/**
	 * The realm as the portal reaches it.
	 */
	public URI backChannel() {
		return (this.backChannelUri != null) ? this.backChannelUri : this.issuerUri;
	}

	@Override
	public String toString() {
		return "StaffSignInProperties[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + "]";
	}

}
