package io.trackline.webhook.http;

import io.trackline.domain.tracking.TrackingNumber;

/** Readings of a package's identity shared by the sources. */
public final class Packages {
    private Packages() {
    }

    public static TrackingNumber trackingNumber(Field field) {
        String raw = field.requireText();
        try {
            return TrackingNumber.of(raw);
        } catch (IllegalArgumentException e) {
            throw field.invalid("must be 4 to 40 letters or digits (spaces and dashes are ignored)");
        }
    }
}
