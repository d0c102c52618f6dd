package io.trackline.domain.alerts;

import java.util.regex.Pattern;

/** A phone number in E.164 ({@code +14155550123}): a plus, a country code that does not start with 0, at most 15 digits. */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        if (!isE164(e164)) {
            throw new IllegalArgumentException("phone number must be E.164, like +14155550123");
        }
    }

    /** Whether {@code text} is already an E.164 number, as registration and contact data must be. */
    public static boolean isE164(String text) {
        return text != null && E164.matcher(text).matches();
    }

    /** Lenient entry point for stored contact data: spaces, dashes and brackets are dropped, nothing else is guessed. */
    public static PhoneNumber parse(String raw) {
        if (raw == null) throw new IllegalArgumentException("phone number is required");
        return new PhoneNumber(raw.replaceAll("[\\s().-]", ""));
    }

    /** {@code +14155550123} → {@code +1*******23}: enough to recognise the number, not to dial it. */
    public String masked() {
        return e164.substring(0, 2) + "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
