package io.trackline.domain.tracking;

import io.trackline.domain.InvalidValueException;

/**
 * A carrier's tracking number: 4 to 40 ASCII letters and digits, upper-cased, spaces and dashes removed. Anything else,
 * non-ASCII letters included ({@code ı}, {@code ß}), is refused rather than folded to a look-alike.
 */
public record TrackingNumber(String value) {
    public TrackingNumber {
        if (!isValid(value)) {
            throw new InvalidValueException("trackingNumber", "trackingNumber must be 4 to 40 ASCII letters or digits (spaces and dashes are ignored)");
        }
    }

    public static TrackingNumber of(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidValueException("trackingNumber", "trackingNumber is required");
        StringBuilder kept = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            // ASCII only: String.toUpperCase would fold 'ı' to 'I' and 'ß' to "SS", another package's number.
            if (!isSeparator(c)) kept.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return new TrackingNumber(kept.toString());
    }

    /** {@code [A-Z0-9]{4,40}}, checked by hand: every scan builds one, and the regex cost more than the rest. */
    private static boolean isValid(String value) {
        if (value == null || value.length() < 4 || value.length() > 40) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) return false;
        }
        return true;
    }

    /** A dash or what the regex {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSeparator(char c) {
        return c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    @Override
    public String toString() {
        return value;
    }
}
