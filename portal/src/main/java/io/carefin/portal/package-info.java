/**
 * The portal is the practices' browser portal: server-rendered pages (Spring MVC,
 * Thymeleaf, htmx) that call CareFin's public API through the gateway on the signed-in
 * user's behalf, keeping the API tokens in a server-side session so that none reaches the
 * browser.
 */
@NullMarked
package io.carefin.portal;

import org.jspecify.annotations.NullMarked;
