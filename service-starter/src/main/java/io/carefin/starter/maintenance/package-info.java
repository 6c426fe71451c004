/**
 * Maintenance mode as every gateway and portal replica knows it: ops turn it on at
 * auth-service with a message and an end time, auth-service announces each change on the
 * compacted topic {@code auth.maintenance}, and each replica reads that topic from its
 * beginning without a consumer group ({@link io.carefin.starter.messaging.ReplicaFeed}),
 * so that the latest change holds in every replica within seconds and after a restart.
 * Maintenance ends by itself at its end time, by the service's clock. Imported by the
 * applications that act on it ({@link MaintenanceConfiguration}).
 */
@NullMarked
package io.carefin.starter.maintenance;

import org.jspecify.annotations.NullMarked;
