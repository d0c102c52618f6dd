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
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException noOffset) {
            if (isLocalDateTime(text)) throw field.invalid("needs a UTC offset or Z (e.g. 2024-05-02T09:15:00-05:00)");
            throw field.invalid("must be an ISO-8601 date-time with offset");
        }
    }

    /** The calendar date of an estimate, from a date, a local date-time or a zoned date-time; {@code null} when absent. */
    public static LocalDate optionalDate(Field field) {
        String text = field.optionalText();
        if (text == null) return null;
        try {
            if (text.length() == 10) return LocalDate.parse(text);
            if (isLocalDateTime(text)) return LocalDateTime.parse(text).toLocalDate();
            return OffsetDateTime.parse(text).toLocalDate();
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
