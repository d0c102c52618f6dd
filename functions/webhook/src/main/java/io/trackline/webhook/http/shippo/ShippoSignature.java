package io.trackline.webhook.http.shippo;

import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.Signatures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code Shippo-Auth-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}; several {@code v1}
 * entries may appear while Shippo rotates. The timestamp must be within 5 minutes of now either way.
 */
public final class ShippoSignature {
    public static final String HEADER = "shippo-auth-signature";

    record Parsed(String timestamp, List<byte[]> signatures) {
    }

    public void verify(WebhookRequest request, List<String> secrets, Instant now) {
        Parsed parsed = parse(Signatures.requireHeader(request, HEADER));
        Signatures.requireFresh(HEADER, parsed.timestamp(), now);
        if (secrets.isEmpty()) throw Signatures.noSecret(ShippoSource.NAME);
        byte[] prefix = (parsed.timestamp() + ".").getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            byte[] expected = Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), prefix, request.body());
            for (byte[] signature : parsed.signatures()) {
                if (Signatures.matches(expected, signature)) return;
            }
        }
        throw Signatures.mismatch();
    }

    static Parsed parse(String header) {
        String timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null) throw WebhookRejected.unauthorized("the " + HEADER + " header has two timestamps");
                timestamp = value;
            } else if (key.equals("v1")) {
                byte[] bytes = Signatures.hex(value);
                if (bytes != null) signatures.add(bytes);
            }
        }
        if (timestamp == null) throw WebhookRejected.unauthorized("the " + HEADER + " header has no t= timestamp");
        if (signatures.isEmpty()) throw WebhookRejected.unauthorized("the " + HEADER + " header has no hex v1= signature");
        return new Parsed(timestamp, signatures);
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        byte[] mac = Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac);
    }
}
