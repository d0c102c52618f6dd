package io.trackline.notifier.adapter.cloudwatch;

import io.trackline.aws.metrics.Emf;
import io.trackline.domain.alerts.Channel;
import io.trackline.notifier.application.AlertMetrics;
import io.trackline.notifier.application.NotificationState;
import io.trackline.notifier.application.RecordOptOut;

/**
 * Alert metrics in namespace {@value #NAMESPACE}: {@code notifications} by {@code channel} + {@code state} and by
 * {@code channel} + {@code state} + {@code reason} ({@code NONE} when there is none); {@code smsReplies} by
 * {@code outcome}.
 */
public final class EmfAlertMetrics implements AlertMetrics {
    public static final String NAMESPACE = "Trackline/Alerts";

    private final Emf emf;

    public EmfAlertMetrics(Emf emf) {
        this.emf = emf;
    }

    @Override
    public void decided(Channel channel, NotificationState state, String reason) {
        emf.line().dimension("channel", channel.name()).dimension("state", state.name())
                .dimension("reason", reason == null ? "NONE" : reason)
                .by("channel", "state").by("channel", "state", "reason").count("notifications", 1).emit();
    }

    @Override
    public void smsReply(RecordOptOut.Outcome outcome) {
        emf.line().dimension("outcome", outcome.name()).by("outcome").count("smsReplies", 1).emit();
    }
}
