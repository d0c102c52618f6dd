package io.trackline.webhook.http.aftership;

import io.trackline.webhook.http.Field;
import io.trackline.webhook.http.Times;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * AfterShip's {@code checkpoint_time} is the carrier's local time at the checkpoint, with an offset when the carrier
 * gave one ({@code 2024-05-02T09:15:00-05:00}) and without one otherwise ({@code 2024-05-02T09:15:00}, or a bare date).
 * Without an offset we resolve the local time in the checkpoint country's zone when that country has exactly one
 * (a bare date is its midnight); in a country with several zones (US, CA, AU, BR, MX, RU, ...) or without a country the
 * instant is truly ambiguous, and the webhook is refused with 400 naming the checkpoint, rather than guessing hours.
 */
final class CheckpointTime {
    /** Countries (alpha-2) that keep one time zone throughout. */
    private static final Map<String, String> SINGLE_ZONE = Map.ofEntries(
            Map.entry("GB", "Europe/London"), Map.entry("IE", "Europe/Dublin"), Map.entry("DE", "Europe/Berlin"),
            Map.entry("FR", "Europe/Paris"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("BE", "Europe/Brussels"),
            Map.entry("LU", "Europe/Luxembourg"), Map.entry("CH", "Europe/Zurich"), Map.entry("AT", "Europe/Vienna"),
            Map.entry("IT", "Europe/Rome"), Map.entry("DK", "Europe/Copenhagen"), Map.entry("SE", "Europe/Stockholm"),
            Map.entry("NO", "Europe/Oslo"), Map.entry("FI", "Europe/Helsinki"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("CZ", "Europe/Prague"), Map.entry("SK", "Europe/Bratislava"), Map.entry("HU", "Europe/Budapest"),
            Map.entry("SI", "Europe/Ljubljana"), Map.entry("HR", "Europe/Zagreb"), Map.entry("GR", "Europe/Athens"),
            Map.entry("RO", "Europe/Bucharest"), Map.entry("BG", "Europe/Sofia"), Map.entry("EE", "Europe/Tallinn"),
            Map.entry("LV", "Europe/Riga"), Map.entry("LT", "Europe/Vilnius"), Map.entry("CN", "Asia/Shanghai"),
            Map.entry("HK", "Asia/Hong_Kong"), Map.entry("TW", "Asia/Taipei"), Map.entry("JP", "Asia/Tokyo"),
            Map.entry("KR", "Asia/Seoul"), Map.entry("SG", "Asia/Singapore"), Map.entry("IN", "Asia/Kolkata"),
            Map.entry("TH", "Asia/Bangkok"), Map.entry("VN", "Asia/Ho_Chi_Minh"), Map.entry("PH", "Asia/Manila"),
            Map.entry("IL", "Asia/Jerusalem"), Map.entry("AE", "Asia/Dubai"), Map.entry("SA", "Asia/Riyadh"),
            Map.entry("TR", "Europe/Istanbul"), Map.entry("ZA", "Africa/Johannesburg"));

    private CheckpointTime() {
    }

    static OffsetDateTime read(Field field, String country) {
        String text = field.requireText();
        if (Times.hasOffset(text)) return Times.zoned(field, text);
        LocalDateTime local = local(field, text);
        String zone = country == null ? null : SINGLE_ZONE.get(country);
        if (zone == null) {
            throw field.invalid("has no UTC offset and the checkpoint's country does not fix one time zone; "
                    + "send the offset (e.g. 2024-05-02T09:15:00-05:00)");
        }
        return Times.plausible(field, local.atZone(ZoneId.of(zone)).toOffsetDateTime());
    }

    private static LocalDateTime local(Field field, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
            // a 10-character text that is no date falls through to the same rejection
        } catch (DateTimeParseException e) {
            throw field.invalid("must be an ISO-8601 date-time");
        }
    }
}
