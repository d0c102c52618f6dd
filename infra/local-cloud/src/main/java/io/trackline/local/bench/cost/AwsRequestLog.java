package io.trackline.local.bench.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every AWS request moto receives, in the order it received them, through moto's request recorder
 * ({@code /moto-api/recorder/...}): who signed it (the access key: a function's role session or the local cloud's
 * operator), the service it was signed for, its operation and body.
 */
final class AwsRequestLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/[^/]+/[^/]+/([^/]+)/aws4_request");

    /** One recorded request. */
    record Request(String service, String operation, String accessKeyId, Map<String, String> headers, byte[] body) {
        /** A form (query protocol) body's parameters. */
        Map<String, String> form() {
            return AwsRequestLog.form(body);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(service + " " + operation + ": the body is not JSON", e);
            }
        }
    }

    /** What a recording holds, and how many lines of it could not be read (moto writes them from several threads). */
    record Recording(List<Request> requests, int unreadable) {
    }

    private final URI moto;
    private final HttpClient http = HttpClient.newHttpClient();

    AwsRequestLog(URI moto) {
        this.moto = moto;
    }

    /** Empties the recording and records from now on. */
    void start() {
        call("reset-recording", HttpRequest.BodyPublishers.noBody());
        call("start-recording", HttpRequest.BodyPublishers.noBody());
    }

    /** Stops recording and reads what was recorded. */
    Recording stop() {
        call("stop-recording", HttpRequest.BodyPublishers.noBody());
        String recording = call("download-recording", null);
        List<Request> requests = new ArrayList<>();
        int unreadable = 0;
        for (String line : recording.split("\n")) {
            if (line.isBlank()) continue;
            Optional<Request> request = parse(line);
            if (request.isPresent()) requests.add(request.get());
            else unreadable++;
        }
        return new Recording(requests, unreadable);
    }

    static Optional<Request> parse(String line) {
        JsonNode entry;
        try {
            entry = JSON.readTree(line);
        } catch (IOException e) {
            return Optional.empty();
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        entry.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String text = entry.path("body").asText("");
        byte[] body = entry.path("body_encoded").asBoolean() ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        Matcher credential = CREDENTIAL.matcher(headers.getOrDefault("Authorization", ""));
        if (!credential.find()) return Optional.empty();
        String target = headers.getOrDefault("X-Amz-Target", "");
        String operation = !target.isEmpty() ? target.substring(target.indexOf('.') + 1)
                : form(body).getOrDefault("Action", query(entry.path("url").asText(""), "Action"));
        // DynamoDB Streams is signed as dynamodb; its target tells it apart
        String service = target.startsWith("DynamoDBStreams") ? "dynamodbstreams" : credential.group(2);
        return Optional.of(new Request(service, operation, credential.group(1), headers, body));
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String query(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) return "";
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) return decode(pair.substring(name.length() + 1));
        }
        return "";
    }

    private String call(String action, HttpRequest.BodyPublisher post) {
        HttpRequest.Builder request = HttpRequest.newBuilder(moto.resolve("/moto-api/recorder/" + action));
        request = post == null ? request.GET() : request.POST(post);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) throw new IllegalStateException("moto's recorder answered " + response.statusCode() + " to " + action);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("moto's recorder is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
