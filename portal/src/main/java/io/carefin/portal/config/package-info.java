/**
 * Wiring: Spring Security for a browser (CSRF on every form, a strict Content Security
 * Policy, no caching, sign-in required outside the public pages), the session store
 * (Spring Session JDBC, so replicas share sessions), the page frame every template
 * shares, and how API failures become pages.
 */
@NullMarked
package io.carefin.portal.config;

import org.jspecify.annotations.NullMarked;
