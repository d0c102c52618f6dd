package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.http.Problem;
import io.trackline.aws.http.Responses;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.webhook.application.DependencyUnavailable;
import io.trackline.webhook.application.IngestResult;
import io.trackline.webhook.application.IngestWebhook;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code POST /v1/webhooks/{source}}: API Gateway event in, {@link IngestWebhook}, 202 or problem+json out. */
public final class WebhookHandler extends JsonEventHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(WebhookHandler.class);

    private final IngestWebhook ingest;

    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment());
    }

    public WebhookHandler(WebhookWiring wiring) {
        super(APIGatewayV2HTTPEvent.class);
        this.ingest = new IngestWebhook(WebhookWiring.SOURCES, wiring.secrets(), wiring.queue(), wiring.metrics(), wiring.clock());
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
            return problem(e).toResponse();
        } catch (DependencyUnavailable e) {
            LOG.error("webhook not accepted: a dependency is unavailable", "source", sourceOf(event), "error", e.getMessage());
            return Problem.of(503, "service-unavailable", "Service unavailable",
                    "the webhook may not have been stored; please retry (a scan sent again is stored once)").toResponse();
        }
    }

    private static Problem problem(WebhookRejected rejected) {
        Problem problem = Problem.of(rejected.status(), rejected.reason(), rejected.title(), rejected.getMessage());
        return rejected.field() == null ? problem : problem.with("field", rejected.field());
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
