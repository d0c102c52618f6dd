package io.trackline.webhook.http.nativejson;

import io.trackline.domain.webhooks.StandardWebhooks;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.Signatures;

import java.time.Instant;
import java.util.List;

/**
 * Verifies Standard Webhooks (standardwebhooks.com) signatures with the domain's {@link StandardWebhooks}: any
 * {@code v1} entry of {@code webhook-signature} matching any active secret verifies, so a sender can sign with old and
 * new secret while rotating.
 */
public final class StandardWebhooksSignature {
    static final String ID = StandardWebhooks.ID;
    static final String TIMESTAMP = StandardWebhooks.TIMESTAMP;
    static final String SIGNATURE = StandardWebhooks.SIGNATURE;

    public void verify(WebhookRequest request, List<String> secrets, Instant now) {
        String id = Signatures.requireHeader(request, ID);
        String timestamp = Signatures.requireHeader(request, TIMESTAMP);
        String header = Signatures.requireHeader(request, SIGNATURE);
        Signatures.requireFresh(TIMESTAMP, timestamp, now);
        if (StandardWebhooks.v1Entries(header).isEmpty()) {
            throw WebhookRejected.unauthorized("the " + SIGNATURE + " header has no v1 signature");
        }
        if (secrets.isEmpty()) throw Signatures.noSecret(NativeSource.NAME);
        if (!StandardWebhooks.verifies(header, secrets, id, Long.parseLong(timestamp), request.body())) {
            throw Signatures.mismatch();
        }
    }

    public static byte[] key(String secret) {
        return StandardWebhooks.key(secret);
    }

    /** The header value a sender would send: used by tools and tests that sign examples. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return StandardWebhooks.signature(secret, id, timestamp, body);
    }
}
