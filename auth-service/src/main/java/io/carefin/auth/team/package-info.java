/**
 * A practice admin's team: inviting users, who activate with a link, listing them,
 * changing their role and permissions, disabling and enabling them. An admin only ever
 * sees and changes users of their own practice; any other user answers as if it did not
 * exist.
 */
@NullMarked
package io.carefin.auth.team;

import org.jspecify.annotations.NullMarked;
