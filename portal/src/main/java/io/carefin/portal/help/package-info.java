/**
 * Help for practices, reachable from every page without signing in: troubleshooting
 * sign-in, the rules behind locked and suspended accounts, supported browsers, scheduled
 * maintenance, and how to reach provider support.
 */
@NullMarked
package io.carefin.portal.help;

import org.jspecify.annotations.NullMarked;
