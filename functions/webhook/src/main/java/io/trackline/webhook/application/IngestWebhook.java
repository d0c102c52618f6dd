package io.trackline.webhook.application;

import io.trackline.webhook.application.SourceDelivery;
import io.trackline.webhook.application.WebhookSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The use case behind {@code POST /v1/webhooks/{source}}: cheap checks first (source, size, media type), then the
 * signature over the raw bytes, and only then the parse; a 2xx only once every report is queued.
 */
public final class IngestWebhook {
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final Map<String, WebhookSource> sources;
    private final WebhookSecrets secrets;
    private final ScanQueue queue;
    private final IngestMetrics metrics;
    private final Clock clock;

    public IngestWebhook(List<WebhookSource> sources, WebhookSecrets secrets, ScanQueue queue, IngestMetrics metrics, Clock clock) {
        this.sources = sources.stream().collect(Collectors.toUnmodifiableMap(WebhookSource::name, Function.identity()));
        this.secrets = secrets;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @throws WebhookRejected        a 4xx for the sender, nothing queued
     * @throws DependencyUnavailable  queue or secret store failed: the sender should retry
     */
    public IngestResult ingest(WebhookRequest request) {
        WebhookSource source = sources.get(request.source());
        String metricSource = source == null ? "unknown" : source.name();
        try {
            if (source == null) throw WebhookRejected.unknownSource(request.source());
            if (request.body().length > MAX_BODY_BYTES) throw WebhookRejected.tooLarge(MAX_BODY_BYTES);
            requireJson(request.header("content-type"));
            Instant now = clock.instant();
            source.verify(request, secrets.activeSecrets(source.name()), now);
            SourceDelivery delivery = source.parse(request);
            ScanReports.Grouped grouped = ScanReports.group(source.name(), delivery, now);
            if (!grouped.reports().isEmpty()) queue.enqueue(grouped.reports());
            metrics.accepted(source.name(), grouped.accepted(), grouped.duplicates());
            return new IngestResult(grouped.accepted(), grouped.duplicates(), delivery.cleanedTexts());
        } catch (WebhookRejected e) {
            metrics.rejected(metricSource, e.reason());
            throw e;
        } catch (DependencyUnavailable e) {
            metrics.rejected(metricSource, "unavailable");
            throw e;
        }
    }

    /** {@code application/json} or any {@code +json} type, in UTF-8 when a charset is named. */
    private static void requireJson(String contentType) {
        if (contentType == null || contentType.isBlank()) throw WebhookRejected.notJson("the content-type header is missing; send application/json");
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].strip();
        if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
            throw WebhookRejected.notJson("the content-type must be application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=") && !parameter.substring(8).replace("\"", "").equals("utf-8")) {
                throw WebhookRejected.notJson("the body must be UTF-8");
            }
        }
    }
}
