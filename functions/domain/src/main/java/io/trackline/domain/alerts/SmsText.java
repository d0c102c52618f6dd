package io.trackline.domain.alerts;

/**
 * The length rules of one SMS segment. Text made only of GSM 03.38 characters fits 160 septets (characters of the
 * extension table take two); any other character switches the whole message to UCS-2, which fits 70 UTF-16 units.
 * Alerts are never split: a text that does not fit is replaced by a shorter one.
 */
public final class SmsText {
    public static final int GSM7_LIMIT = 160;
    public static final int UCS2_LIMIT = 70;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) return false;
        }
        return true;
    }

    /** Septets in GSM-7, or UTF-16 units in UCS-2. */
    public static int units(String text) {
        if (!isGsm7(text)) return text.length();
        int septets = 0;
        for (int i = 0; i < text.length(); i++) septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        return septets;
    }

    public static int limit(String text) {
        return isGsm7(text) ? GSM7_LIMIT : UCS2_LIMIT;
    }

    public static boolean fitsOneSegment(String text) {
        return units(text) <= limit(text);
    }
}
