package io.trackline.domain.tracking;

import java.util.Locale;

/** A carrier's tracking number: upper-case letters and digits, spaces and dashes removed. */
public record TrackingNumber(String value) {
    public TrackingNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("trackingNumber must be 4 to 40 letters or digits");
        }
    }

    public static TrackingNumber of(String raw) {
        if (raw == null || raw.isBlank()) throw new IllegalArgumentException("trackingNumber is required");
        StringBuilder kept = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!isSeparator(c)) kept.append(c);
        }
        return new TrackingNumber(kept.toString().toUpperCase(Locale.ROOT));
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
