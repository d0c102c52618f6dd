package io.trackline.webhook.http;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** ISO-8601 readings shared by the sources. A scan's time keeps its offset; a time without one is refused. */
public final class Times {
    /** What a fraction of 1 to 9 digits is multiplied by to give nanoseconds. */
    private static final int[] FRACTION_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

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
        OffsetDateTime common = commonZoned(text);
        if (common != null) return plausible(field, common);
        try {
            return plausible(field, OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            throw field.invalid("must be an ISO-8601 date-time with offset");
        }
    }

    /** Scan times and estimates Trackline takes: from {@value #FIRST_YEAR} up to, not including, {@value #LAST_YEAR_AFTER}. */
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR_AFTER = 2100;

    /**
     * {@code time}, when its year (in its own offset) is one Trackline takes: a scan dated in year 9999 would otherwise
     * hold a shipment's status for good (the later scan wins), and times near the ends of the calendar overflow the
     * retention arithmetic downstream.
     */
    public static OffsetDateTime plausible(Field field, OffsetDateTime time) {
        if (time.getYear() < FIRST_YEAR || time.getYear() >= LAST_YEAR_AFTER) {
            throw field.invalid("must be a time from " + FIRST_YEAR + " to " + (LAST_YEAR_AFTER - 1));
        }
        return time;
    }

    private static LocalDate plausible(Field field, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() >= LAST_YEAR_AFTER) {
            throw field.invalid("must be a date from " + FIRST_YEAR + " to " + (LAST_YEAR_AFTER - 1));
        }
        return date;
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
            if (text.length() == 10) {
                LocalDate common = commonDate(text);
                return plausible(field, common != null ? common : LocalDate.parse(text));
            }
            if (hasOffset(text)) {
                OffsetDateTime common = commonZoned(text);
                return plausible(field, (common != null ? common : OffsetDateTime.parse(text)).toLocalDate());
            }
            return plausible(field, LocalDateTime.parse(text).toLocalDate());
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

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, or {@code null} when the text has another shape or is no valid time.
     * The shape every source sends, read by hand: DateTimeFormatter's general machinery costs more than the rest of a
     * scan's parse. Anything else (lower-case t/z, no seconds, offset seconds, years past 9999, impossible dates) goes
     * to the strict ISO parser, which stays the only judge of what is refused and how.
     */
    static OffsetDateTime commonZoned(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') return null;
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) nano = nano * 10 + (text.charAt(at++) - '0');
            if (at == start) return null;
            nano *= FRACTION_SCALE[at - start - 1];
        }
        if (at >= length || hour < 0 || minute < 0 || second < 0) return null;
        ZoneOffset offset = commonOffset(text, at);
        LocalDate date = commonDate(text);
        if (date == null || offset == null || hour > 23 || minute > 59 || second > 59) return null;
        return OffsetDateTime.of(date, LocalTime.of(hour, minute, second, nano), offset);
    }

    /** {@code Z} or {@code ±HH:MM} from {@code at} to the end. */
    private static ZoneOffset commonOffset(String text, int at) {
        int rest = text.length() - at;
        char sign = text.charAt(at);
        if (rest == 1 && sign == 'Z') return ZoneOffset.UTC;
        if (rest != 6 || (sign != '+' && sign != '-') || text.charAt(at + 3) != ':') return null;
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if (hours < 0 || minutes < 0) return null;
        int seconds = (hours * 3600 + minutes * 60) * (sign == '-' ? -1 : 1);
        try {
            return minutes > 59 ? null : ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException beyond18Hours) {
            return null;
        }
    }

    /** The {@code yyyy-MM-dd} the text starts with, or {@code null} when it starts otherwise or is no calendar date. */
    static LocalDate commonDate(String text) {
        if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return null;
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) return null;
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
