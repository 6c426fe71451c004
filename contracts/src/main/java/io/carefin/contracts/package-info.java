/**
 * The facts CareFin's services tell each other over Kafka: event records and the topics
 * they travel on, one package per producing service.
 * <p>
 * Every event carries an {@code eventId}, the instant it {@code occurredAt} and the id of
 * its aggregate, which is also the Kafka record key so that one aggregate's events stay
 * in order. The JSON on the wire names each event by its logical type in a {@code type}
 * field, never by a Java class name. Evolution is additive: consumers ignore fields and
 * types they do not know.
 */
@NullMarked
package io.carefin.contracts;

import org.jspecify.annotations.NullMarked;
