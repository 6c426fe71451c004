/**
 * The public API as the portal calls it: {@code @HttpExchange} interfaces on RestClient,
 * sent to the gateway with the browser's address in {@code X-Forwarded-For}, the
 * request's correlation id and, for the signed-in user's calls, their bearer token; the
 * API's problem details come back as exceptions a page can turn into a sentence.
 */
@NullMarked
package io.carefin.portal.api;

import org.jspecify.annotations.NullMarked;
