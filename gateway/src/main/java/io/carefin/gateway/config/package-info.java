/**
 * Wiring only: edge security.
 */
@NullMarked
package io.carefin.gateway.config;

import org.jspecify.annotations.NullMarked;
