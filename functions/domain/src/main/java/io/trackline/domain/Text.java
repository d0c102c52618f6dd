package io.trackline.domain;

/**
 * The rule for free text a person or a client gives us (names, address lines, a service name, a description): stripped,
 * at most a number of characters (Unicode code points, as JSON Schema's {@code maxLength} counts), no control
 * characters and no unpaired UTF-16 surrogate (it has no UTF-8 form, so no store or message could keep it).
 */
public final class Text {
    private Text() {
    }

    public static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) throw new InvalidValueException(field, field + " is required");
        return optional(value, field, maxLength);
    }

    /** {@code null} for a missing or blank value. */
    public static String optional(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > maxLength) {
            throw new InvalidValueException(field, field + " is longer than " + maxLength + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, field + " contains control characters");
        }
        if (hasUnpairedSurrogate(v)) throw new InvalidValueException(field, field + " is not valid Unicode");
        return v;
    }

    /** Whether {@code text} has a UTF-16 surrogate that is not half of a pair (such a string has no UTF-8 form). */
    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
