package io.trackline.webhook.http.nativejson;

import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.Signatures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks (standardwebhooks.com): {@code webhook-signature} holds space-separated {@code v1,<base64>}
 * entries, each an HMAC-SHA256 of {@code id.timestamp.body}; any entry matching any active secret verifies, so a
 * sender can sign with old and new secret while rotating. A {@code whsec_} secret's key is its base64-decoded rest.
 */
public final class StandardWebhooksSignature {
    static final String ID = "webhook-id";
    static final String TIMESTAMP = "webhook-timestamp";
    static final String SIGNATURE = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";

    public void verify(WebhookRequest request, List<String> secrets, Instant now) {
        String id = Signatures.requireHeader(request, ID);
        String timestamp = Signatures.requireHeader(request, TIMESTAMP);
        String header = Signatures.requireHeader(request, SIGNATURE);
        Signatures.requireFresh(TIMESTAMP, timestamp, now);
        List<byte[]> given = signatures(header);
        if (given.isEmpty()) throw WebhookRejected.unauthorized("the " + SIGNATURE + " header has no v1 signature");
        if (secrets.isEmpty()) throw Signatures.noSecret(NativeSource.NAME);
        byte[] signedPrefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        for (String secret : secrets) {
            byte[] expected = Signatures.hmacSha256(key(secret), signedPrefix, request.body());
            for (byte[] signature : given) {
                if (Signatures.matches(expected, signature)) return;
            }
        }
        throw Signatures.mismatch();
    }

    /** The decoded {@code v1} entries; other versions (e.g. asymmetric {@code v1a}) and undecodable ones are skipped. */
    static List<byte[]> signatures(String header) {
        List<byte[]> decoded = new java.util.ArrayList<>();
        for (String entry : header.split(" ")) {
            if (!entry.startsWith("v1,")) continue;
            byte[] bytes = Signatures.base64(entry.substring(3));
            if (bytes != null) decoded.add(bytes);
        }
        return decoded;
    }

    public static byte[] key(String secret) {
        if (secret.startsWith(SECRET_PREFIX)) {
            byte[] decoded = Signatures.base64(secret.substring(SECRET_PREFIX.length()));
            if (decoded != null && decoded.length > 0) return decoded;
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value a sender would send: used by tools and tests that sign examples. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        byte[] mac = Signatures.hmacSha256(key(secret), (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        return "v1," + Base64.getEncoder().encodeToString(mac);
    }
}
