package io.trackline.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.local.LocalCloud;
import io.trackline.local.demo.StandardWebhooks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What a client of the local cloud does in the walking skeleton: register a shipment, post a signed native webhook. */
public final class Walkthrough {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalCloud cloud;
    public final String trackingNumber = "9400" + String.format("%018d", Math.abs(RANDOM.nextLong()) % 1_000_000_000_000_000_000L);
    /** A fresh E.164 number per run that does not end in 99 (moto treats those as opted out). */
    public final String phone = "+1415555" + String.format("%04d", RANDOM.nextInt(9000) + 1000).replaceAll("99$", "42");

    public Walkthrough(LocalCloud cloud) {
        this.cloud = cloud;
    }

    public HttpResponse<String> registerShipment(String apiKey) {
        String body = """
                {"orderId":"order-%1$s","customerId":"%2$s","carrier":"usps","trackingNumber":"%3$s","service":"Priority Mail",
                 "promisedDeliveryDate":"%4$s",
                 "deliveryAddress":{"name":"Ada Lovelace","line1":"1 Main St","city":"Springfield","region":"IL","postalCode":"62701","country":"US"},
                 "contact":{"email":"ada@example.com","phone":"%5$s"}}
                """.formatted(trackingNumber, cloud.demo().customers().getFirst().id(), trackingNumber,
                java.time.LocalDate.now().plusDays(3), phone);
        return Http.post(URI.create(cloud.apiUrl() + "/v1/shipments"), "application/json", body.getBytes(StandardCharsets.UTF_8),
                "x-api-key", apiKey);
    }

    /** One canonical native event, as the carrier's clock saw it (with its UTC offset), a few minutes ago. */
    public String outForDelivery() {
        String occurredAt = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"carrier":"usps","trackingNumber":"%s","status":"OUT_FOR_DELIVERY","occurredAt":"%s",
                 "description":"Out for delivery","location":{"city":"Springfield","region":"IL","postalCode":"62701","country":"US"}}
                """.formatted(trackingNumber, occurredAt);
    }

    /** Posts {@code body} to the native webhook, signed with {@code secret} (Standard Webhooks). */
    public HttpResponse<String> postNativeWebhook(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        return Http.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/v1/webhooks/native"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("content-type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.signature(secret, id, timestamp, bytes)));
    }

    public String nativeSecret() {
        return cloud.demo().webhookSecrets().get("native");
    }

    public static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
