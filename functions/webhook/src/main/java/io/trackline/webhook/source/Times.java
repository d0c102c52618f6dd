package io.trackline.webhook.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ISO-8601 readings shared by the sources. A scan's time keeps its offset; a time without one is refused. */
public final class Times {
    private Times() {
    }

    /** A date-time with its offset ({@code 2024-05-02T09:15:00-05:00}, {@code ...Z}). */
    public static OffsetDateTime requireZoned(Field field) {
        return zoned(field, field.requireText());
    }

    public static OffsetDateTime zoned(Field field, String text) {
        if (!hasOffset(text)) {
            if (isLocalDateTime(text)) throw field.invalid("needs a UTC offset or Z (e.g. 2024-05-02T09:15:00-05:00)");
            throw field.invalid("must be an ISO-8601 date-time with offset");
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw field.invalid("must be an ISO-8601 date-time with offset");
        }
    }

    /**
     * Whether a date-time text ends in an offset ({@code Z}, {@code +02:00}, {@code -0500}): decided by looking, not by
     * parsing and catching, since exceptions on the normal path cost more than the whole parse.
     */
    public static boolean hasOffset(String text) {
        int time = text.indexOf('T');
        if (time < 0) return false;
        char last = text.charAt(text.length() - 1);
        if (last == 'Z' || last == 'z') return true;
        for (int i = time + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '-') return true;
        }
        return false;
    }

    /** The calendar date of an estimate, from a date, a local date-time or a zoned date-time; {@code null} when absent. */
    public static LocalDate optionalDate(Field field) {
        String text = field.optionalText();
        if (text == null) return null;
        try {
            if (text.length() == 10) return LocalDate.parse(text);
            if (hasOffset(text)) return OffsetDateTime.parse(text).toLocalDate();
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            throw field.invalid("must be an ISO-8601 date or date-time");
        }
    }

    public static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
