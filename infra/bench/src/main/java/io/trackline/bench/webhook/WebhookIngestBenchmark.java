package io.trackline.bench.webhook;

import io.trackline.webhook.application.IngestMetrics;
import io.trackline.webhook.application.IngestResult;
import io.trackline.webhook.application.IngestWebhook;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.aftership.AfterShipSource;
import io.trackline.webhook.http.easypost.EasyPostSource;
import io.trackline.webhook.http.nativejson.NativeSource;
import io.trackline.webhook.http.nativejson.StandardWebhooksSignature;
import io.trackline.webhook.http.shippo.ShippoSignature;
import io.trackline.webhook.http.shippo.ShippoSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Verify + parse + normalise (+ group into scan reports) of one 2–3 KB webhook per source, on one thread: everything
 * the webhook function does per request except the SQS call. Run with {@code infra/bin/bench WebhookIngest}
 * from the repository root (it reads the events/ payloads). Target: 20,000 webhooks/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class WebhookIngestBenchmark {
    static final long SIGNED_AT = 1_764_172_800L;
    static final Map<String, String> SECRETS = Map.of("native", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "easypost", "easypost-test-secret", "aftership", "aftership-test-secret", "shippo", "shippo-test-secret");

    @Param({"native", "easypost", "aftership", "shippo"})
    public String source;

    private IngestWebhook ingest;
    private WebhookRequest request;

    @Setup
    public void setUp() throws IOException {
        Map<String, List<String>> secrets = new HashMap<>();
        SECRETS.forEach((name, secret) -> secrets.put(name, List.of(secret)));
        // The secrets from configuration (WebhookSecrets has one method): one active secret per source.
        ingest = new IngestWebhook(List.of(new NativeSource(), new EasyPostSource(), new AfterShipSource(), new ShippoSource()),
                source -> secrets.getOrDefault(source, List.of()), reports -> { }, new NoMetrics(),
                Clock.fixed(Instant.ofEpochSecond(SIGNED_AT), ZoneOffset.UTC));
        byte[] body = payload(source);
        request = new WebhookRequest(source, headers(source, body), body);
        if (ingest.ingest(request).accepted() == 0) throw new IllegalStateException("the benchmark payload must be accepted");
    }

    @Benchmark
    public IngestResult verifyParseNormalise() {
        return ingest.ingest(request);
    }

    /** The events/ example, except native: eight events, so that it weighs 2–3 KB like the others. */
    static byte[] payload(String source) throws IOException {
        if (!source.equals("native")) return Files.readAllBytes(Path.of("events", "webhook-" + source + "-payload.json"));
        StringBuilder events = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 8; i++) {
            if (i > 0) events.append(',');
            events.append("""
                    {"carrier":"dhl","trackingNumber":"1234567890","status":"IN_TRANSIT","occurredAt":"2025-11-2%dT08:1%d:00+01:00",\
                    "description":"Shipment has departed from a DHL facility","location":{"city":"Leipzig","region":"SN",\
                    "postalCode":"04435","country":"DE"},"rawStatus":"PL","estimatedDelivery":"2025-11-28"}""".formatted(i, i));
        }
        return events.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> headers(String source, byte[] body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("content-type", "application/json");
        String secret = SECRETS.get(source);
        switch (source) {
            case "native" -> {
                headers.put("webhook-id", "msg_bench");
                headers.put("webhook-timestamp", Long.toString(SIGNED_AT));
                headers.put("webhook-signature", StandardWebhooksSignature.sign(secret, "msg_bench", SIGNED_AT, body));
            }
            case "easypost" -> headers.put(EasyPostSource.HEADER, EasyPostSource.sign(secret, body));
            case "aftership" -> headers.put(AfterShipSource.HEADER, AfterShipSource.sign(secret, body));
            case "shippo" -> headers.put(ShippoSignature.HEADER, ShippoSignature.sign(secret, SIGNED_AT, body));
            default -> throw new IllegalArgumentException(source);
        }
        return headers;
    }

    private static final class NoMetrics implements IngestMetrics {
        @Override
        public void accepted(String source, int accepted, int duplicates) {
        }

        @Override
        public void rejected(String source, String reason) {
        }
    }
}
