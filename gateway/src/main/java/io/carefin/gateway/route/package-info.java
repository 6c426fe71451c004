/**
 * Which service serves which public path.
 */
@NullMarked
package io.carefin.gateway.route;

import org.jspecify.annotations.NullMarked;
