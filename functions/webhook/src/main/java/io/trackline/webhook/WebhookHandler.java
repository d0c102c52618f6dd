package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.http.Problem;
import io.trackline.aws.http.Responses;
import io.trackline.aws.log.Log;
import io.trackline.aws.metrics.Emf;
import io.trackline.webhook.aws.EmfMetrics;
import io.trackline.webhook.aws.SecretsManagerWebhookSecrets;
import io.trackline.webhook.aws.SqsScanQueue;
import io.trackline.webhook.ingest.DependencyUnavailable;
import io.trackline.webhook.ingest.IngestMetrics;
import io.trackline.webhook.ingest.IngestResult;
import io.trackline.webhook.ingest.IngestWebhook;
import io.trackline.webhook.ingest.ScanQueue;
import io.trackline.webhook.ingest.WebhookRejected;
import io.trackline.webhook.ingest.WebhookRequest;
import io.trackline.webhook.ingest.WebhookSecrets;
import io.trackline.webhook.source.aftership.AfterShipSource;
import io.trackline.webhook.source.easypost.EasyPostSource;
import io.trackline.webhook.source.nativejson.NativeSource;
import io.trackline.webhook.source.shippo.ShippoSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST /v1/webhooks/{source}}: API Gateway event in, {@link IngestWebhook}, 202 or problem+json out. */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(WebhookHandler.class);

    private final IngestWebhook ingest;

    public WebhookHandler() {
        this(Settings.fromEnvironment());
    }

    public WebhookHandler(Settings settings) {
        this(settings, new AwsClients(settings));
    }

    /** The secrets are read in the background while the queue client is built: a shorter cold start. */
    private WebhookHandler(Settings settings, AwsClients aws) {
        this(new SecretsManagerWebhookSecrets(aws.secretsManager(), settings.required("WEBHOOK_SECRETS_ARN"), Clock.systemUTC(),
                        settings.duration("WEBHOOK_SECRETS_REFRESH", SecretsManagerWebhookSecrets.DEFAULT_REFRESH)).prefetch(),
                new SqsScanQueue(aws.sqs(), settings.required("INGEST_QUEUE_URL")));
        WarmUp.run();
    }

    private WebhookHandler(WebhookSecrets secrets, ScanQueue queue) {
        this(queue, secrets, new EmfMetrics(Emf.toLog(EmfMetrics.NAMESPACE)), Clock.systemUTC());
    }

    /** For tests and tools: any queue, secrets, metrics and clock. */
    public WebhookHandler(ScanQueue queue, WebhookSecrets secrets, IngestMetrics metrics, Clock clock) {
        this.ingest = new IngestWebhook(List.of(new NativeSource(), new EasyPostSource(), new AfterShipSource(), new ShippoSource()),
                secrets, queue, metrics, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            IngestResult result = ingest.ingest(request(event));
            if (!result.cleaned().isEmpty()) {
                LOG.info("carrier text cleaned", "source", sourceOf(event), "fields", String.join(" ", result.cleaned()));
            }
            return Responses.json(202, result);
        } catch (WebhookRejected e) {
            LOG.warn("webhook rejected", "source", sourceOf(event), "status", e.status(), "reason", e.reason(), "field", e.field());
            return e.problem().toResponse();
        } catch (DependencyUnavailable e) {
            LOG.error("webhook not accepted: a dependency is unavailable", "source", sourceOf(event), "error", e.getMessage());
            return Problem.of(503, "service-unavailable", "Service unavailable",
                    "the webhook could not be stored; nothing was accepted, please retry").toResponse();
        }
    }

    private static WebhookRequest request(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) event.getHeaders().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        return new WebhookRequest(sourceOf(event), headers, body(event));
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) return new byte[0];
        if (!event.getIsBase64Encoded()) return event.getBody().getBytes(StandardCharsets.UTF_8);
        try {
            return Base64.getDecoder().decode(event.getBody());
        } catch (IllegalArgumentException e) {
            throw WebhookRejected.malformed("the body is marked base64 but is not");
        }
    }

    private static String sourceOf(APIGatewayV2HTTPEvent event) {
        return event.getPathParameters() == null ? "" : event.getPathParameters().getOrDefault("source", "");
    }
}
