/**
 * auth-service owns practices' users and their credentials, second factors, lockout state
 * and sessions, and signs the access tokens every other service trusts.
 */
@NullMarked
package io.carefin.auth;

import org.jspecify.annotations.NullMarked;
