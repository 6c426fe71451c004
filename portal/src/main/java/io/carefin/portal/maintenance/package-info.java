/**
 * The maintenance banner's content: while ops have maintenance mode on, every page gets
 * their message and the end time as the model attribute {@code maintenance}, read from
 * {@code auth.maintenance} in every portal replica (ADR 0023).
 */
@NullMarked
package io.carefin.portal.maintenance;

import org.jspecify.annotations.NullMarked;
