package io.trackline.local.testing;

import io.trackline.domain.webhooks.StandardWebhooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackline.aws.Json;
import io.trackline.local.LocalCloud;
import io.trackline.local.LocalCloudOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The checked-in vendor payloads ({@code events/webhook-<source>-payload.json}) aimed at one package and moved in time,
 * then signed the way each vendor signs (as {@code functions/webhook/bin/sign-webhook} does) and posted to the gateway.
 * The vendors' schemes are written here again rather than borrowed from the verifier, so that a verifier bug cannot hide
 * behind its own signer; the native one is the domain's {@code StandardWebhooks}, which its test holds to the Standard
 * Webhooks specification's published test vector.
 */
public final class VendorWebhooks {
    private static final Path EVENTS = LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath()).resolve("events");

    private final LocalCloud cloud;

    public VendorWebhooks(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /**
     * The source's payload for {@code trackingNumber} ({@code native}: every event, also as {@code carrier}), all its
     * times (scans, estimates) shifted together so that the newest of them is {@code newest}.
     */
    public static byte[] payload(String source, String carrier, String trackingNumber, Instant newest) {
        ObjectNode root = (ObjectNode) read(EVENTS.resolve("webhook-" + source + "-payload.json"));
        switch (source) {
            case "native" -> root.withArray("/events").forEach(e -> ((ObjectNode) e).put("carrier", carrier).put("trackingNumber", trackingNumber));
            case "easypost" -> root.withObject("/result").put("tracking_code", trackingNumber);
            case "aftership" -> root.withObject("/msg").put("tracking_number", trackingNumber);
            case "shippo" -> root.withObject("/data").put("tracking_number", trackingNumber);
            default -> throw new IllegalArgumentException("no payload for source " + source);
        }
        Duration shift = Duration.between(newestInstant(root), newest);
        rewriteTexts(root, text -> shifted(text, shift));
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} to {@code /v1/webhooks/<source>}, signed now with the demo secret of that source. */
    public HttpResponse<String> post(String source, byte[] body) {
        return post(source, body, cloud.demo().webhookSecrets().get(source));
    }

    public HttpResponse<String> post(String source, byte[] body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cloud.apiUrl() + "/v1/webhooks/" + source))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("content-type", "application/json");
        signatureHeaders(source, secret, body, Instant.now().getEpochSecond()).forEach(request::header);
        return Http.send(request);
    }

    /** The headers each vendor signs with (README "Webhooks"). */
    static Map<String, String> signatureHeaders(String source, String secret, byte[] body, long unixSeconds) {
        return switch (source) {
            case "native" -> {
                String id = "msg_" + UUID.randomUUID();
                yield Map.of("webhook-id", id, "webhook-timestamp", Long.toString(unixSeconds),
                        "webhook-signature", StandardWebhooks.signature(secret, id, unixSeconds, body));
            }
            case "easypost" -> Map.of("x-hmac-signature", "hmac-sha256-hex="
                    + HexFormat.of().formatHex(hmac(Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8), body)));
            case "aftership" -> Map.of("aftership-hmac-sha256",
                    Base64.getEncoder().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body)));
            case "shippo" -> Map.of("shippo-auth-signature", "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(
                    hmac(secret.getBytes(StandardCharsets.UTF_8), concat((unixSeconds + ".").getBytes(StandardCharsets.UTF_8), body))));
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static JsonNode read(Path file) {
        try {
            return Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant newestInstant(JsonNode root) {
        List<Instant> instants = new ArrayList<>();
        rewriteTexts(root, text -> {
            instant(text).ifPresent(instants::add);
            return text;
        });
        return instants.stream().max(Instant::compareTo).orElseThrow(() -> new IllegalArgumentException("a payload without times"));
    }

    /** Date-times keep their offset; dates (estimates) move by whole days. */
    private static String shifted(String text, Duration shift) {
        try {
            return OffsetDateTime.parse(text).plus(shift).toString();
        } catch (DateTimeParseException notADateTime) {
            try {
                return LocalDate.parse(text).plusDays(shift.toDays()).toString();
            } catch (DateTimeParseException notADate) {
                return text;
            }
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void rewriteTexts(JsonNode node, UnaryOperator<String> rewrite) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual()) object.put(name, rewrite.apply(value.asText()));
                else rewriteTexts(value, rewrite);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) array.set(i, TextNode.valueOf(rewrite.apply(element.asText())));
                else rewriteTexts(element, rewrite);
            }
        }
    }
}
