/**
 * The local mode: one command starts every part of CareFin on one machine, waits until
 * each is healthy, prints where each listens, restarts a part that dies, and stops them
 * all on Ctrl-C.
 */
@NullMarked
package io.carefin.local;

import org.jspecify.annotations.NullMarked;
