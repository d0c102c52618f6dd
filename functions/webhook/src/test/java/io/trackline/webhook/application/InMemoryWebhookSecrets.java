package io.trackline.webhook.application;

import java.util.List;
import java.util.Map;

/** Secrets from configuration, for tests (a test double: no function jar carries it). */
public final class InMemoryWebhookSecrets implements WebhookSecrets {
    private final Map<String, List<String>> bySource;

    public InMemoryWebhookSecrets(Map<String, List<String>> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    @Override
    public List<String> activeSecrets(String source) {
        return bySource.getOrDefault(source, List.of());
    }
}
