/**
 * Events published by account-service about patients' financing accounts.
 */
@NullMarked
package io.carefin.contracts.account;

import org.jspecify.annotations.NullMarked;
