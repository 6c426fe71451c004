/**
 * The gateway routes every public path to the service that owns it, checks tokens from
 * both trusted issuers before anything reaches a service, and relays the token so that
 * the service checks it again.
 */
@NullMarked
package io.carefin.gateway;

import org.jspecify.annotations.NullMarked;
