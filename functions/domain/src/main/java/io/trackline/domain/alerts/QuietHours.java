package io.trackline.domain.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Local hours in which non-urgent SMS wait, e.g. 21:00–08:00. A window whose end is before its start spans midnight;
 * equal start and end mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static QuietHours parse(String start, String end) {
        return new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime time) {
        if (start.equals(end)) return false;
        if (start.isBefore(end)) return !time.isBefore(start) && time.isBefore(end);
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** When the quiet window that contains {@code now} ends, in {@code zone}; {@code now} itself when it is not quiet. */
    public Instant endOfWindowAt(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        if (!contains(local.toLocalTime())) return now;
        ZonedDateTime endToday = local.with(end);
        ZonedDateTime end = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return end.toInstant();
    }
}
