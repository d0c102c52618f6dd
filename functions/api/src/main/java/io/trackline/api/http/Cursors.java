package io.trackline.api.http;

import com.fasterxml.jackson.core.type.TypeReference;
import io.trackline.aws.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Opaque, tamper-evident page cursors: the store's position (DynamoDB's LastEvaluatedKey) as base64url JSON plus an
 * HMAC-SHA256 over it, the list it belongs to and whose list it is. A cursor edited, or replayed on another list or by
 * another caller, is a 400 and never reaches DynamoDB.
 */
public final class Cursors {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final TypeReference<TreeMap<String, String>> POSITION = new TypeReference<>() { };

    /** The key is fetched on first use (from Secrets Manager in AWS), so routes without lists never pay for it. */
    private final Supplier<byte[]> key;
    private volatile byte[] resolved;

    public Cursors(Supplier<byte[]> key) {
        this.key = key;
    }

    public String sign(String list, String owner, Map<String, String> position) {
        String payload = ENCODER.encodeToString(json(new TreeMap<>(position)));
        return payload + "." + ENCODER.encodeToString(mac(list, owner, payload));
    }

    public Optional<Map<String, String>> verify(String list, String owner, Optional<String> cursor) {
        if (cursor.isEmpty()) return Optional.empty();
        String value = cursor.get();
        int dot = value.indexOf('.');
        if (dot <= 0 || value.length() > 2048) throw Problems.invalidCursor();
        String payload = value.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(value.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(list, owner, payload))) throw Problems.invalidCursor();
            return Optional.of(Json.mapper().readValue(DECODER.decode(payload), POSITION));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw Problems.invalidCursor();
        }
    }

    private byte[] mac(String list, String owner, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal((list + "\n" + owner + "\n" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] k = resolved;
        if (k == null) {
            k = key.get();
            if (k.length < 32) throw new IllegalStateException("the cursor key must have at least 32 bytes");
            resolved = k;
        }
        return k;
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
