package io.carefin.notification.delivery;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.carefin.notification.message.Channel;

/**
 * Which deliveries ops want to see, newest first.
 *
 * @param status only deliveries in this status
 * @param template only messages of this template
 * @param channel only this channel
 * @param sourceEventId only the deliveries of this event
 * @param limit at most this many
 */
record DeliverySearch(@Nullable DeliveryStatus status, @Nullable String template, @Nullable Channel channel,
		@Nullable UUID sourceEventId, int limit) {

}
