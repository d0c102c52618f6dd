package io.trackline.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.aws.queue.SqsText;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.testkit.SampleEvents;
import io.trackline.webhook.application.DependencyUnavailable;
import io.trackline.webhook.application.InMemoryWebhookSecrets;
import io.trackline.webhook.application.IngestMetrics;
import io.trackline.webhook.application.ScanQueue;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.aftership.AfterShipSource;
import io.trackline.webhook.http.easypost.EasyPostSource;
import io.trackline.webhook.http.nativejson.StandardWebhooksSignature;
import io.trackline.webhook.http.shippo.ShippoSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The documented test secrets, the events/ files, and recording ports shared by the webhook tests. */
public final class Fixtures {
    public static final Map<String, String> TEST_SECRETS = Map.of(
            "native", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "easypost", "easypost-test-secret",
            "aftership", "aftership-test-secret",
            "shippo", "shippo-test-secret");
    public static final List<String> SOURCES = List.of("native", "easypost", "aftership", "shippo");
    /** The timestamp the checked-in events/ files are signed with (functions/webhook/bin/sign-webhook --timestamp). */
    public static final long EVENTS_SIGNED_AT = 1764172800L;
    public static final Path EVENTS = Path.of("../../events");

    private Fixtures() {
    }

    public static Clock clockAt(long unixSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(unixSeconds), ZoneOffset.UTC);
    }

    /** A minute after the events/ files were signed: inside the 5-minute window. */
    public static Clock eventsClock() {
        return clockAt(EVENTS_SIGNED_AT + 60);
    }

    public static InMemoryWebhookSecrets testSecrets() {
        Map<String, List<String>> secrets = new HashMap<>();
        TEST_SECRETS.forEach((source, secret) -> secrets.put(source, List.of(secret)));
        return new InMemoryWebhookSecrets(secrets);
    }

    public static byte[] payload(String source) {
        try {
            return Files.readAllBytes(EVENTS.resolve("webhook-" + source + "-payload.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signature headers as {@code source} would send them for {@code body}, signed at {@code unixSeconds}. */
    public static Map<String, String> signatureHeaders(String source, String secret, byte[] body, long unixSeconds) {
        return switch (source) {
            case "native" -> Map.of("webhook-id", "msg_test", "webhook-timestamp", Long.toString(unixSeconds),
                    "webhook-signature", StandardWebhooksSignature.sign(secret, "msg_test", unixSeconds, body));
            case "easypost" -> Map.of(EasyPostSource.HEADER, EasyPostSource.sign(secret, body));
            case "aftership" -> Map.of(AfterShipSource.HEADER, AfterShipSource.sign(secret, body));
            case "shippo" -> Map.of(ShippoSignature.HEADER, ShippoSignature.sign(secret, unixSeconds, body));
            default -> throw new IllegalArgumentException(source);
        };
    }

    public static WebhookRequest signedRequest(String source, byte[] body, long unixSeconds) {
        Map<String, String> headers = new HashMap<>(signatureHeaders(source, TEST_SECRETS.get(source), body, unixSeconds));
        headers.put("content-type", "application/json");
        return new WebhookRequest(source, headers, body);
    }

    public static APIGatewayV2HTTPEvent event(WebhookRequest request) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("POST /v1/webhooks/{source}")
                .withRawPath("/v1/webhooks/" + request.source())
                .withPathParameters(Map.of("source", request.source()))
                .withHeaders(request.headers())
                .withBody(new String(request.body(), StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .build();
    }

    public static APIGatewayV2HTTPEvent eventFile(String source) {
        return SampleEvents.httpApi(EVENTS.resolve("webhook-" + source + ".json"));
    }

    /**
     * Records what was queued, as the processor will read it: each report goes through the queue codec (encode, the
     * characters SQS accepts in body and attributes, decode) and must come back equal. Can be told to fail like an
     * unreachable queue.
     */
    public static final class RecordingQueue implements ScanQueue {
        public final List<ScanReport> reports = new ArrayList<>();
        public final List<String> bodies = new ArrayList<>();
        public boolean unavailable;

        @Override
        public void enqueue(List<ScanReport> batch) {
            if (unavailable) throw new DependencyUnavailable("queue down (test)", null);
            for (ScanReport report : batch) {
                String body = ScanReportCodec.encode(report);
                if (!SqsText.isAllowed(body)) throw new AssertionError("a body SQS refuses: " + body);
                ScanReportCodec.attributes(report).forEach((name, value) -> {
                    if (!SqsText.isAllowed(value)) throw new AssertionError("an attribute SQS refuses: " + name);
                });
                ScanReport decoded = ScanReportCodec.decode(body);
                if (!decoded.equals(report)) throw new AssertionError("decoded " + decoded + "\n  but queued " + report);
                bodies.add(body);
                reports.add(decoded);
            }
        }
    }

    public static final class RecordingMetrics implements IngestMetrics {
        public final List<String> lines = new ArrayList<>();

        @Override
        public void accepted(String source, int accepted, int duplicates) {
            lines.add(source + " accepted=" + accepted + " duplicates=" + duplicates);
        }

        @Override
        public void rejected(String source, String reason) {
            lines.add(source + " rejected=" + reason);
        }
    }
}
