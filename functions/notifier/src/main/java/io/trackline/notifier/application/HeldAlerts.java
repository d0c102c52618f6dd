package io.trackline.notifier.application;

import io.trackline.domain.alerts.Channel;

import java.time.Instant;

/** Port: brings a held alert back for one channel when its quiet hours end (or sooner, to be held again). */
public interface HeldAlerts {
    void holdUntil(AlertRequest request, Channel channel, Instant until, Instant heldSince);
}
