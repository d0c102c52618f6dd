package io.trackline.testkit.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * What moto records that no AWS API gives back: {@code /moto-api/data.json}, every model of every backend, the SMS
 * that SNS sent among them ({@code sns.SMS[{phone_number, message, message_id}]}). moto builds that answer by reading
 * every attribute of every object of every backend, without a lock, while other requests change them, and once
 * answered {@code 500} in the middle of a local cloud's traffic (AlertsEndToEndIT, 2026-12-06; a loop of 500 reads
 * beside writers of items, SMS, topics and queues never did): so a 500 is read again, and only one that persists
 * for two seconds fails, with moto's answer.
 */
public final class MotoData {
    private static final int ATTEMPTS = 20;
    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MotoData() {
    }

    /** Every SMS moto's SNS published to {@code phone}. */
    public static List<JsonNode> smsTo(URI endpoint, String phone) {
        return sms(endpoint).stream().filter(sms -> sms.path("phone_number").asText().equals(phone)).toList();
    }

    /** Every SMS moto's SNS published, to any number. */
    public static List<JsonNode> sms(URI endpoint) {
        return StreamSupport.stream(read(endpoint).path("sns").path("SMS").spliterator(), false).toList();
    }

    /** @throws IllegalStateException when moto answered anything but 200 {@link #ATTEMPTS} times */
    public static JsonNode read(URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).build();
        HttpResponse<String> answer = null;
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) return Json.mapper().readTree(answer.body());
                Thread.sleep(PAUSE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + request.uri(), e);
        }
        throw new IllegalStateException(request.uri() + " answered " + answer.statusCode() + " " + ATTEMPTS + " times: " + answer.body());
    }
}
