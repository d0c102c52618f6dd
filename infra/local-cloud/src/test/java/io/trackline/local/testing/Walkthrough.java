package io.trackline.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;
import io.trackline.local.LocalCloud;
import io.trackline.local.demo.DemoCredentials;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** What a client of the local cloud does in the walking skeleton: register a shipment, post a signed native webhook. */
public final class Walkthrough {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Line numbers 1000-9999 handed out in turn from a random start: walkthroughs sharing one cloud never share a phone. */
    private static final AtomicInteger NEXT_LINE = new AtomicInteger(RANDOM.nextInt(9000));

    private final LocalCloud cloud;
    private final String customerId;
    public final String trackingNumber = "9400" + String.format("%018d", Math.abs(RANDOM.nextLong()) % 1_000_000_000_000_000_000L);
    /** A fresh E.164 number, unlike any other walkthrough's in this JVM, that does not end in 99 (moto treats those as opted out). */
    public final String phone = "+1415555" + nextLine();

    /** A walkthrough for the first demo customer. */
    public Walkthrough(LocalCloud cloud) {
        this(cloud, cloud.demo().customers().getFirst().id());
    }

    /** A walkthrough whose {@link #registerShipment(String)} registers for {@code customerId}. */
    public Walkthrough(LocalCloud cloud, String customerId) {
        this.cloud = cloud;
        this.customerId = customerId;
    }

    /**
     * A customer of the caller's own: a fresh id with a token from the local issuer. Preferences saved or orders listed
     * for it are the caller's alone, whatever other tests do on the same cloud.
     */
    public static DemoCredentials.Customer newCustomer(LocalCloud cloud) {
        String id = "customer-" + UUID.randomUUID();
        return new DemoCredentials.Customer(id, cloud.issuer().token(id, Duration.ofHours(1)));
    }

    private static int nextLine() {
        int line;
        do {
            line = 1000 + Math.floorMod(NEXT_LINE.getAndIncrement(), 9000);
        } while (line % 100 == 99);
        return line;
    }

    /** Registers {@link #trackingNumber} (USPS) for this walkthrough's customer, with {@link #phone} as contact. */
    public HttpResponse<String> registerShipment(String apiKey) {
        return registerShipment(apiKey, customerId, "usps", trackingNumber);
    }

    /** Registers a package for {@code customerId} in order {@code order-<trackingNumber>}, with {@link #phone} as contact. */
    public HttpResponse<String> registerShipment(String apiKey, String customerId, String carrier, String trackingNumber) {
        return registerShipment(apiKey, customerId, carrier, trackingNumber, phone);
    }

    /** Registers a package for {@code customerId} in order {@code order-<trackingNumber>}, with {@code phone} as contact. */
    public HttpResponse<String> registerShipment(String apiKey, String customerId, String carrier, String trackingNumber,
                                                 String phone) {
        String body = """
                {"orderId":"order-%1$s","customerId":"%2$s","carrier":"%3$s","trackingNumber":"%1$s","service":"Priority Mail",
                 "promisedDeliveryDate":"%4$s",
                 "deliveryAddress":{"name":"Ada Lovelace","line1":"1 Main St","city":"Springfield","region":"IL","postalCode":"62701","country":"US"},
                 "contact":{"email":"ada@example.com","phone":"%5$s"}}
                """.formatted(trackingNumber, customerId, carrier, java.time.LocalDate.now().plusDays(3), phone);
        return post("/v1/shipments", body, apiKey(apiKey));
    }

    /** One canonical native event, as the carrier's clock saw it (with its UTC offset), a few minutes ago. */
    public String outForDelivery() {
        return nativeScan("OUT_FOR_DELIVERY", "Out for delivery", Duration.ofMinutes(5));
    }

    /** A native event of {@link #trackingNumber} (USPS) with {@code status}, {@code ago} before now on a UTC-5 clock. */
    public String nativeScan(String status, String description, Duration ago) {
        String occurredAt = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minus(ago).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                {"carrier":"usps","trackingNumber":"%s","status":"%s","occurredAt":"%s",
                 "description":"%s","location":{"city":"Springfield","region":"IL","postalCode":"62701","country":"US"}}
                """.formatted(trackingNumber, status, occurredAt, description);
    }

    /** Posts {@code body} to the native webhook, signed with {@code secret} (Standard Webhooks). */
    public HttpResponse<String> postNativeWebhook(String body, String secret) {
        return new VendorWebhooks(cloud).post("native", body.getBytes(StandardCharsets.UTF_8), secret);
    }

    public String nativeSecret() {
        return cloud.demo().webhookSecrets().get("native");
    }

    public HttpResponse<String> get(String path, String... headers) {
        return Http.get(URI.create(cloud.apiUrl() + path), headers);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return Http.post(URI.create(cloud.apiUrl() + path), "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return Http.put(URI.create(cloud.apiUrl() + path), "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The header of an API client (a tenant). */
    public static String[] apiKey(String key) {
        return new String[]{"x-api-key", key};
    }

    /** The header of a customer with an access token. */
    public static String[] bearer(String token) {
        return new String[]{"authorization", "Bearer " + token};
    }

    public static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
