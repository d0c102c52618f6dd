package io.trackline.notifier.application;

import io.trackline.domain.alerts.Channel;

/** The identity of a notification: one domain event on one channel; it is decided and sent at most once. */
public record NotificationKey(String shipmentId, String eventId, Channel channel) {
}
