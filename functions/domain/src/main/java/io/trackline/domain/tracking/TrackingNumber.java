package io.trackline.domain.tracking;

import java.util.Locale;
import java.util.regex.Pattern;

/** A carrier's tracking number: upper-case letters and digits, spaces and dashes removed. */
public record TrackingNumber(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{4,40}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    public TrackingNumber {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("trackingNumber must be 4 to 40 letters or digits");
        }
    }

    public static TrackingNumber of(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("trackingNumber is required");
        return new TrackingNumber(SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
