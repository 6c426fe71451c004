/**
 * Events published by auth-service about practice users' sign-in state.
 */
@NullMarked
package io.carefin.contracts.auth;

import org.jspecify.annotations.NullMarked;
