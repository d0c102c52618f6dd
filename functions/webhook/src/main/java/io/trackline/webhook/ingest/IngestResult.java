package io.trackline.webhook.ingest;

/**
 * What a webhook added: {@code accepted} scans enqueued, {@code duplicates} scans repeated within the same request
 * (repeats across requests are the processor's to drop).
 */
public record IngestResult(int accepted, int duplicates) {
}
