/**
 * How a service answers errors: RFC 9457 problem details with a stable {@code type} per
 * status, field errors for bad input, and never a stack trace, SQL or class name.
 */
@NullMarked
package io.carefin.starter.web;

import org.jspecify.annotations.NullMarked;
