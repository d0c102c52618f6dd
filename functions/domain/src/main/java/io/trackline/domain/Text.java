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

    /** What to write for one UTF-16 unit of a text being rewritten that is not half of a surrogate pair. */
    @FunctionalInterface
    public interface UnitRewrite {
        void write(char unit, StringBuilder out);
    }

    /**
     * {@code text} as it is up to {@code first}, then unit by unit: each surrogate pair kept, every other unit (an
     * unpaired surrogate included) written by {@code rewrite}. The one loop of the rules that clean or escape text.
     */
    public static String rewrite(String text, int first, UnitRewrite rewrite) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                rewrite.write(c, out);
            }
        }
        return out.toString();
    }
}
