/**
 * Recovery for practice users who forgot their user ID or password. Both requests answer
 * the same whatever they name; what they ask for goes only to the e-mail address on file.
 */
@NullMarked
package io.carefin.auth.recovery;

import org.jspecify.annotations.NullMarked;
