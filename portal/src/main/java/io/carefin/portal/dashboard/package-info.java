/**
 * The signed-in practice's home page.
 */
@NullMarked
package io.carefin.portal.dashboard;

import org.jspecify.annotations.NullMarked;
