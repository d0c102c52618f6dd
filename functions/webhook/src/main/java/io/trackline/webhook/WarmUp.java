package io.trackline.webhook;

import io.trackline.aws.queue.ScanReportCodec;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.nativejson.NativeSource;
import io.trackline.webhook.http.nativejson.StandardWebhooksSignature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one built-in native webhook through signature, parser and message codec during initialisation, while the
 * secrets are read in the background: the classes the first request needs (Jackson, java.time, HMAC, SHA-256) are
 * loaded and initialised before it arrives. Nothing is sent anywhere.
 */
final class WarmUp {
    private static final byte[] BODY = """
            {"carrier":"ups","trackingNumber":"1Z999AA10123456784","status":"IN_TRANSIT","occurredAt":"2025-01-01T00:00:00Z",
             "location":{"city":"Louisville","country":"US"},"estimatedDelivery":"2025-01-02"}""".getBytes(StandardCharsets.UTF_8);

    private WarmUp() {
    }

    static void run() {
        Instant now = Instant.now();
        String secret = "whsec_d2FybS11cA==";
        WebhookRequest request = new WebhookRequest(NativeSource.NAME, Map.of("webhook-id", "msg_warm_up",
                "webhook-timestamp", Long.toString(now.getEpochSecond()),
                "webhook-signature", StandardWebhooksSignature.sign(secret, "msg_warm_up", now.getEpochSecond(), BODY)), BODY);
        NativeSource source = new NativeSource();
        source.verify(request, List.of(secret), now);
        var update = source.parse(request).packages().getFirst();
        ScanReportCodec.encode(new ScanReport(NativeSource.NAME, "msg_warm_up", now, update.carrier(), update.trackingNumber(),
                update.scans(), Optional.empty()));
    }
}
