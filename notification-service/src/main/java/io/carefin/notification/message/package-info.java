/**
 * Messages: which e-mail or text message each event asks for, to whom, and how its
 * Thymeleaf templates render it, with the practice's name and, for patients, the masked
 * account number only.
 */
@NullMarked
package io.carefin.notification.message;

import org.jspecify.annotations.NullMarked;
