/**
 * The practice administrator's team page: the practice's users, invitations, and each
 * user's role, permissions per function and access.
 */
@NullMarked
package io.carefin.portal.team;

import org.jspecify.annotations.NullMarked;
