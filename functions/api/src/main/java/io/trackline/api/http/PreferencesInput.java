package io.trackline.api.http;

import io.trackline.api.application.preferences.NotificationPreferences;
import io.trackline.domain.Language;
import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.Trigger;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code PUT /v1/me/notification-preferences}; {@code email} is only used to start email alerts, and
 * {@code language} (absent: none) is one of {@link Language}'s tags.
 */
public record PreferencesInput(List<String> channels, List<String> alerts, QuietHoursInput quietHours, String timeZone,
                               String language, String email) {
    /** Alerts a customer may choose: every trigger the notifier acts on (an estimate change is for API clients only). */
    static final Set<Trigger> CHOOSABLE = EnumSet.complementOf(EnumSet.of(Trigger.UNKNOWN, Trigger.ETA_CHANGED));
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public NotificationPreferences validated() {
        List<String> channelList = distinct(channels, "channels", 2, c -> {
            if (!c.equals(NotificationPreferences.SMS) && !c.equals(NotificationPreferences.EMAIL)) {
                throw Problems.invalid("channels", "channels may contain SMS and EMAIL.");
            }
        });
        List<String> alertList = distinct(alerts, "alerts", CHOOSABLE.size(), a -> {
            if (CHOOSABLE.stream().noneMatch(t -> t.name().equals(a))) {
                throw Problems.invalid("alerts", "'" + a + "' is not an alert; choose from " + CHOOSABLE + ".");
            }
        });
        String zone = zone(timeZone == null ? "UTC" : timeZone);
        NotificationPreferences.QuietHours quiet = null;
        if (quietHours != null) {
            String start = time(quietHours.start(), "quietHours.start");
            String end = time(quietHours.end(), "quietHours.end");
            if (start.equals(end)) throw Problems.invalid("quietHours", "quietHours.start and quietHours.end must differ.");
            quiet = new NotificationPreferences.QuietHours(start, end);
        }
        return new NotificationPreferences(channelList, alertList, quiet, zone, Language.optional(language, "language"), null, null);
    }

    public String validatedEmail() {
        var address = EmailAddress.optional(email, "email");
        return address == null ? null : address.value();
    }

    private static List<String> distinct(List<String> values, String field, int max, java.util.function.Consumer<String> check) {
        if (values == null) throw Problems.invalid(field, field + " is required (an empty list turns it all off).");
        if (values.size() > max) throw Problems.invalid(field, field + " has more than " + max + " entries.");
        var set = new LinkedHashSet<String>();
        for (String value : values) {
            if (value == null) throw Problems.invalid(field, field + " cannot contain null.");
            check.accept(value);
            set.add(value);
        }
        return List.copyOf(set);
    }

    private static String zone(String value) {
        try {
            // Offsets like +02:00 ignore daylight saving; people live in named zones (ZoneId.getAvailableZoneIds()).
            if (!ZoneId.getAvailableZoneIds().contains(value)) throw new DateTimeException("not an IANA zone");
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw Problems.invalid("timeZone", "timeZone must be an IANA time zone such as Europe/Paris.");
        }
    }

    private static String time(String value, String field) {
        try {
            if (value == null || value.length() != 5) throw new DateTimeParseException("HH:mm", String.valueOf(value), 0);
            return LocalTime.parse(value, HH_MM).format(HH_MM);
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, field + " must be a time like 21:00.");
        }
    }

    public record QuietHoursInput(String start, String end) {
    }
}
