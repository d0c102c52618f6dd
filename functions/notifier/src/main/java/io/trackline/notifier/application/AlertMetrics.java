package io.trackline.notifier.application;

import io.trackline.domain.alerts.Channel;

/** Port: the counts an operator watches and alarms on. */
public interface AlertMetrics {

    /**
     * A notification decision this call recorded; a redelivered or concurrent copy that found it decided is not one.
     *
     * @param reason the suppression (or failure) reason, null when there is none
     */
    void decided(Channel channel, NotificationState state, String reason);

    void smsReply(RecordOptOut.Outcome outcome);
}
