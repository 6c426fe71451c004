/**
 * Events published by auth-service about practice users' sign-in state and about
 * practices' enrolment.
 */
@NullMarked
package io.carefin.contracts.auth;

import org.jspecify.annotations.NullMarked;
