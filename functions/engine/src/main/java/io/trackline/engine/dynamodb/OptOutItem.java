package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * An SMS opt-out (a STOP reply), {@code OPTOUT#<e164>} / {@code OPTOUT}, with when it arrived; a START deletes it.
 * Written by the notifier's inbound-SMS handling, read by the notifier before every SMS.
 */
public final class OptOutItem {
    private OptOutItem() {
    }

    public static Map<String, AttributeValue> of(String e164, Instant optedOutAt) {
        return Attributes.item()
                .putAll(TrackingTable.optOutKey(e164))
                .s("optedOutAt", optedOutAt)
                .build();
    }
}
