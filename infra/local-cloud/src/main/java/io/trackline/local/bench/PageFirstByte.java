package io.trackline.local.bench;

import io.trackline.local.LocalCloud;
import io.trackline.local.LocalCloudOptions;
import io.trackline.domain.webhooks.StandardWebhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bench command (issue 14: first byte on the warm path under 50 ms locally): starts a local cloud, registers a
 * shipment and gives it 20 scans through a signed native webhook, warms both routes, then times the first byte of
 * {@code GET /t/{shipmentId}} (the tracking page) against its anchor, {@code GET /v1/track/{carrier}/{trackingNumber}}
 * (public tracking, the API's nearest route), requests alternating, one at a time, on the same cloud in the same run.
 * Run from the repository root after {@code make build}: {@code infra/bin/bench-page [requests per route]}.
 */
public final class PageFirstByte {
    private static final int SCANS = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PageFirstByte() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.forTests())) {
            String trackingNumber = "9400" + String.format("%018d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L));
            String shipmentId = seed(cloud, trackingNumber);
            URI page = URI.create(cloud.apiUrl() + "/t/" + shipmentId);
            URI anchor = URI.create(cloud.apiUrl() + "/v1/track/usps/" + trackingNumber);
            for (int i = 0; i < 300; i++) {
                firstByte(page);
                firstByte(anchor);
            }
            List<Double> pageTimes = new ArrayList<>();
            List<Double> anchorTimes = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                pageTimes.add(firstByte(page));
                anchorTimes.add(firstByte(anchor));
            }
            int size = get(page).body().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf("first byte, warm, on the local cloud (%d requests per route, alternating, %d scans):%n", requests, SCANS);
            System.out.println("  tracking page  GET /t/{shipmentId}                      " + summary(pageTimes));
            System.out.println("  anchor         GET /v1/track/{carrier}/{trackingNumber} " + summary(anchorTimes));
            System.out.printf("  page size: %d bytes (budget 30720)%n", size);
        }
    }

    /** Milliseconds from sending the request to reading the first byte of the body. */
    private static double firstByte(URI uri) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (body.read() < 0 || response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            double ms = (System.nanoTime() - start) / 1e6;
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return ms;
        }
    }

    private static String summary(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return String.format("median %.1f ms, p90 %.1f ms, p99 %.1f ms", at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size())));
    }

    /** A shipment registered through the API, with {@link #SCANS} scans from a signed native webhook; its id. */
    private static String seed(LocalCloud cloud, String trackingNumber) throws Exception {
        String apiKey = cloud.demo().tenants().getFirst().apiKey();
        String customer = cloud.demo().customers().getFirst().id();
        var registered = HTTP.send(HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/v1/shipments"))
                .header("x-api-key", apiKey).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"orderId":"bench-%1$s","customerId":"%2$s","carrier":"usps","trackingNumber":"%1$s",
                         "promisedDeliveryDate":"%3$s","contact":{"email":"bench@example.com"}}"""
                        .formatted(trackingNumber, customer, LocalDate.now(ZoneOffset.UTC).plusDays(3)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201) throw new IllegalStateException("registration: " + registered.body());
        String id = registered.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"(shp_[0-9A-Za-z]+)\".*", "$1");
        List<String> events = new ArrayList<>();
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusHours(SCANS * 2L).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < SCANS; i++) {
            events.add("""
                    {"carrier":"usps","trackingNumber":"%s","status":"%s","occurredAt":"%s","description":"Arrived",
                     "location":{"city":"Hub %d","region":"IL","country":"US"},"estimatedDelivery":"%s"}"""
                    .formatted(trackingNumber, i == 0 ? "LABEL_CREATED" : "IN_TRANSIT", first.plusHours(2L * i), i,
                            LocalDate.now(ZoneOffset.UTC).plusDays(3)));
        }
        byte[] body = ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/v1/webhooks/native"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, String> signed = StandardWebhooks.headers(cloud.demo().webhookSecrets().get("native"),
                "msg_" + UUID.randomUUID(), System.currentTimeMillis() / 1000, body);
        signed.forEach(request::header);
        var posted = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 202) throw new IllegalStateException("webhook: " + posted.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get(URI.create(cloud.apiUrl() + "/t/" + id)).body().split("<p class=\"what\">").length - 1 < SCANS) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("the scans did not reach the page in 60 s");
            Thread.sleep(200);
        }
        return id;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
