package io.trackline.webhook.adapter.cloudwatch;

import io.trackline.aws.metrics.Emf;
import io.trackline.webhook.application.IngestMetrics;

/**
 * Webhook metrics in namespace {@value #NAMESPACE}: {@code accepted} and {@code duplicates} by {@code source};
 * {@code rejected} by {@code source} and by {@code source} + {@code reason}.
 */
public final class EmfMetrics implements IngestMetrics {
    public static final String NAMESPACE = "Trackline/Webhooks";

    private final Emf emf;

    public EmfMetrics(Emf emf) {
        this.emf = emf;
    }

    @Override
    public void accepted(String source, int accepted, int duplicates) {
        emf.line().dimension("source", source).by("source").count("accepted", accepted).count("duplicates", duplicates).emit();
    }

    @Override
    public void rejected(String source, String reason) {
        emf.line().dimension("source", source).dimension("reason", reason).by("source").by("source", "reason")
                .count("rejected", 1).emit();
    }
}
