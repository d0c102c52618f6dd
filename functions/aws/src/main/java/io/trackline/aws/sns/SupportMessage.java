package io.trackline.aws.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;
import io.trackline.domain.shipment.SuspectedLoss;

/** The support topic's message for a suspected loss: the case as JSON (message attribute {@code type=SUSPECTED_LOST}). */
public final class SupportMessage {
    private SupportMessage() {
    }

    public static String encode(SuspectedLoss loss) {
        try {
            return Json.mapper().writeValueAsString(loss);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case always serialises", e);
        }
    }

    /** @throws IllegalArgumentException when the body is not a suspected-loss case */
    public static SuspectedLoss decode(String body) {
        try {
            return Json.mapper().readValue(body, SuspectedLoss.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a suspected-loss case: " + e.getOriginalMessage(), e);
        }
    }
}
