/**
 * Wiring only: edge security (token checks, open paths, CORS).
 */
@NullMarked
package io.carefin.gateway.config;

import org.jspecify.annotations.NullMarked;
