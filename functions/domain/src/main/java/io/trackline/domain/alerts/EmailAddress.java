package io.trackline.domain.alerts;

import io.trackline.domain.InvalidValueException;

import java.util.regex.Pattern;

/**
 * An email address, the one rule for every email Trackline takes (registration's contact, notification preferences,
 * stored contacts): a local part of RFC 5322 "atext" characters and dots (no spaces, quotes, brackets or angle brackets,
 * at most 64), one {@code @}, a dotted domain of letter-digit-hyphen labels ending in a letters-only top-level domain;
 * at most 254 characters. The mail system has the last word on whether it is deliverable.
 */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.)+[A-Za-z]{2,63}");

    public EmailAddress {
        if (!isValid(value)) throw new InvalidValueException("email", "email must be an email address like jane@example.com");
    }

    /** {@code null} for {@code null}, else the address, or an {@link InvalidValueException} naming {@code field}. */
    public static EmailAddress optional(String raw, String field) {
        if (raw == null) return null;
        String v = raw;
        if (!isValid(v)) throw new InvalidValueException(field, field + " must be an email address like jane@example.com");
        return new EmailAddress(v);
    }

    public static boolean isValid(String text) {
        return text != null && text.length() <= 254 && SHAPE.matcher(text).matches();
    }

    /** {@code jane@example.com} → {@code j***@example.com}. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return masked();
    }
}
