package io.trackline.webhook;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.metrics.Emf;
import io.trackline.webhook.adapter.cloudwatch.EmfMetrics;
import io.trackline.webhook.adapter.secretsmanager.SecretsManagerWebhookSecrets;
import io.trackline.webhook.adapter.sqs.SqsScanQueue;
import io.trackline.webhook.application.IngestMetrics;
import io.trackline.webhook.application.ScanQueue;
import io.trackline.webhook.application.WebhookSecrets;
import io.trackline.webhook.application.WebhookSource;
import io.trackline.webhook.http.aftership.AfterShipSource;
import io.trackline.webhook.http.easypost.EasyPostSource;
import io.trackline.webhook.http.nativejson.NativeSource;
import io.trackline.webhook.http.shippo.ShippoSource;

import java.time.Clock;
import java.util.List;

/**
 * The webhook's one wiring: the ingest queue ({@code INGEST_QUEUE_URL}), the senders' secrets
 * ({@code WEBHOOK_SECRETS_ARN}, re-read after {@code WEBHOOK_SECRETS_REFRESH}), EMF metrics and the clock. Tests and
 * tools give any queue, secrets, metrics and clock.
 */
public record WebhookWiring(ScanQueue queue, WebhookSecrets secrets, IngestMetrics metrics, Clock clock) {
    /** Every source the function accepts, by its path segment. */
    static final List<WebhookSource> SOURCES = List.of(new NativeSource(), new EasyPostSource(), new AfterShipSource(),
            new ShippoSource());

    public static WebhookWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    /** The secrets are read in the background while the queue client is built and the first request warmed up. */
    public static WebhookWiring from(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        WebhookSecrets secrets = new SecretsManagerWebhookSecrets(aws.secretsManager(), settings.required("WEBHOOK_SECRETS_ARN"),
                Clock.systemUTC(), settings.duration("WEBHOOK_SECRETS_REFRESH", SecretsManagerWebhookSecrets.DEFAULT_REFRESH))
                .prefetch();
        ScanQueue queue = new SqsScanQueue(aws.sqs(), settings.required("INGEST_QUEUE_URL"));
        WarmUp.run();
        return new WebhookWiring(queue, secrets, new EmfMetrics(Emf.toLog(EmfMetrics.NAMESPACE)), Clock.systemUTC());
    }
}
