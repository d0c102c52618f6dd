package io.trackline.aws.queue;

import io.trackline.domain.Text;

/**
 * The characters SQS accepts in a message body and in string attributes: {@code #x9 | #xA | #xD | #x20 to #xD7FF |
 * #xE000 to #xFFFD | #x10000 to #x10FFFF}. Anything else (other C0 controls, an unpaired surrogate, U+FFFE, U+FFFF)
 * makes SQS refuse the whole request, and an emulator may store it and then fail every receive.
 */
public final class SqsText {
    private SqsText() {
    }

    public static boolean isAllowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD) || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** Every code point allowed (an unpaired surrogate is a code point of its own, and not allowed). */
    public static boolean isAllowed(String text) {
        return firstDisallowed(text) < 0;
    }

    /**
     * JSON text with every disallowed character written as a {@code \\uXXXX} escape. Valid for a serializer's output,
     * where such characters can only stand inside string values; reading it back gives the same strings.
     */
    static String escapeForJson(String json) {
        int first = firstDisallowed(json);
        if (first < 0) return json;
        return Text.rewrite(json, first, (c, out) -> {
            if (isAllowed(c) && !Character.isSurrogate(c)) out.append(c);
            else out.append(String.format("\\u%04x", (int) c));
        });
    }

    /** {@code text} with every disallowed character replaced by U+FFFD. */
    public static String replaceDisallowed(String text) {
        int first = firstDisallowed(text);
        if (first < 0) return text;
        return Text.rewrite(text, first, (c, out) -> out.append(isAllowed(c) && !Character.isSurrogate(c) ? c : '\uFFFD'));
    }

    private static int firstDisallowed(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isAllowed(codePoint)) return i;
            i += Character.charCount(codePoint);
        }
        return -1;
    }
}
