/**
 * What every request meets at the edge whatever its route: a correlation id, an access
 * log line without secrets, a body size limit, security headers, CORS for the portal, and
 * problem details for every error the gateway itself answers; and which paths are the
 * portal's rather than the API's.
 */
@NullMarked
package io.carefin.gateway.edge;

import org.jspecify.annotations.NullMarked;
