package io.trackline.webhook.application;

/** Per-source counters an operator alarms on. */
public interface IngestMetrics {
    void accepted(String source, int accepted, int duplicates);

    void rejected(String source, String reason);
}
