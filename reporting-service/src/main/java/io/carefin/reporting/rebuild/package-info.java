/**
 * The ops rebuild: drop every read model and replay the consumed topics from their
 * beginning.
 */
@NullMarked
package io.carefin.reporting.rebuild;

import org.jspecify.annotations.NullMarked;
