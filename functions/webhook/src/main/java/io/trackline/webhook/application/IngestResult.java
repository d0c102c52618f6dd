package io.trackline.webhook.application;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a webhook added: {@code accepted} scans enqueued, {@code duplicates} scans repeated within the same request
 * (repeats across requests are the processor's to drop), and {@code cleaned}: the JSON Pointers of carrier texts that
 * were made printable (control and bidirectional characters, unpaired surrogates; README "Webhooks"), left out when
 * none was.
 */
public record IngestResult(int accepted, int duplicates, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> cleaned) {
    public IngestResult {
        cleaned = cleaned == null ? List.of() : List.copyOf(cleaned);
    }

    public IngestResult(int accepted, int duplicates) {
        this(accepted, duplicates, List.of());
    }
}
