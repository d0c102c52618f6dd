package io.trackline.domain.tracking;

import io.trackline.domain.Text;

/**
 * The domain's rule for carrier free text (a scan's description, raw status and sub-status, location names): whatever
 * a carrier sends, what Trackline stores, queues, shows and emails is printable. {@link Scan}, {@link Location} and the
 * alerts' {@code ShipmentEvent} apply it in their constructors, so no source adapter, codec or reader can skip it.
 * <ul>
 *   <li>an unpaired UTF-16 surrogate, and the non-characters U+FFFE and U+FFFF, become U+FFFD (JSON can carry them;
 *       SQS, XML and most mail systems cannot);</li>
 *   <li>C0 controls (tab, line feed, carriage return included), DEL, C1 controls and the line and paragraph separators
 *       U+2028 / U+2029 become a space: a line break in a description is a word break, and a CRLF can no longer start a
 *       header or a line of its own in an email;</li>
 *   <li>bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) are dropped: they reorder how
 *       the text around them is displayed (a right-to-left override makes {@code gpj.exe} read {@code exe.jpg}).</li>
 * </ul>
 * A text that changed is then stripped, and is {@code null} when nothing is left. A clean text is returned as it is
 * (the same instance): scan keys of clean texts do not change ({@code ScanKeyTest} pins them).
 */
public final class CarrierText {
    private static final char REPLACEMENT = '\uFFFD';

    private CarrierText() {
    }

    /** {@code text} made printable as the class says; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null) return null;
        int first = firstUnclean(text);
        if (first < 0) return text;
        String rewritten = Text.rewrite(text, first, (c, out) -> {
            if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append(REPLACEMENT);
            } else if (isControl(c)) {
                out.append(' ');
            } else if (!isBidiControl(c)) {
                out.append(c);
            }
        });
        String cleaned = rewritten.strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * Whether {@link #clean} would leave {@code text} as it is ({@code null} is clean). Identifiers (tracking numbers,
     * carrier and status codes, delivery ids) that are not clean are refused rather than cleaned: a changed identifier
     * is another identifier.
     */
    public static boolean isClean(String text) {
        return text == null || firstUnclean(text) < 0;
    }

    private static int firstUnclean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) continue;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || isControl(c) || isBidiControl(c)) return i;
        }
        return -1;
    }

    /** C0, DEL, C1, and U+2028 / U+2029. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    /** The explicit bidirectional formatting characters of Unicode's bidi algorithm (UAX #9). */
    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
