package io.trackline.webhook.adapter.secretsmanager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.aws.log.Log;
import io.trackline.webhook.application.DependencyUnavailable;
import io.trackline.webhook.application.WebhookSecrets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook secrets from one Secrets Manager secret whose value is
 * {@code {"native": ["newest", "previous"], "easypost": "only-one", ...}}. Read once per container and re-read after
 * {@code refresh}, so a rotation takes effect within minutes without a deploy; if a re-read fails, the secrets
 * already read stay in use.
 */
public final class SecretsManagerWebhookSecrets implements WebhookSecrets {
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(5);
    private static final Log LOG = Log.of(SecretsManagerWebhookSecrets.class);

    private final SecretsManagerClient client;
    private final String secretArn;
    private final Clock clock;
    private final Duration refresh;
    private Map<String, List<String>> cached;
    private Instant readAt;

    public SecretsManagerWebhookSecrets(SecretsManagerClient client, String secretArn, Clock clock, Duration refresh) {
        this.client = client;
        this.secretArn = secretArn;
        this.clock = clock;
        this.refresh = refresh;
    }

    /**
     * Starts the first read on a background thread, so that it overlaps the rest of the container's initialisation;
     * a request that arrives first simply waits for it (or reads itself). A failed prefetch is retried by the request.
     */
    public SecretsManagerWebhookSecrets prefetch() {
        Thread.ofPlatform().daemon().name("webhook-secrets-prefetch").start(() -> {
            try {
                activeSecrets("");
            } catch (RuntimeException failed) {
                LOG.warn("webhook secrets prefetch failed; the first request reads them again", "error", failed.getClass().getSimpleName());
            }
        });
        return this;
    }

    @Override
    public synchronized List<String> activeSecrets(String source) {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(readAt.plus(refresh))) {
            try {
                cached = parse(client.getSecretValue(b -> b.secretId(secretArn)).secretString());
                readAt = now;
            } catch (SdkException | IllegalArgumentException e) {
                if (cached == null) throw new DependencyUnavailable("webhook secrets could not be read", e);
                LOG.warn("webhook secrets could not be re-read; keeping the ones read before", "error", e.getClass().getSimpleName());
                readAt = now;
            }
        }
        return cached.getOrDefault(source, List.of());
    }

    static Map<String, List<String>> parse(String secretString) {
        JsonNode root;
        try {
            root = secretString == null ? null : Json.mapper().readTree(secretString);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the webhook secret is not JSON");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("the webhook secret must be a JSON object");
        Map<String, List<String>> bySource = new HashMap<>();
        root.properties().forEach(member -> {
            List<String> secrets = new ArrayList<>();
            JsonNode value = member.getValue();
            if (value.isTextual()) secrets.add(value.textValue());
            else if (value.isArray()) value.forEach(item -> { if (item.isTextual()) secrets.add(item.textValue()); });
            secrets.removeIf(String::isBlank);
            bySource.put(member.getKey(), List.copyOf(secrets));
        });
        return Map.copyOf(bySource);
    }
}
