package io.trackline.engine.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static io.trackline.engine.dynamodb.Attributes.nested;
import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * A customer's notification preferences, {@code CUSTOMER#<customerId>} / {@code PREFERENCES}: written by the API,
 * read by the API and by the notifier, each of which decides what a value it cannot use means (the notifier falls back
 * to the defaults field by field, so one bad value never mutes a customer).
 */
public final class PreferencesItem {
    private PreferencesItem() {
    }

    /**
     * The stored values: channel and alert names ({@code null} when the item has none: not the same as an empty
     * list, which turns them all off), quiet hours ({@code null} for none), an IANA time zone id, the language tag
     * ({@code null} for none: {@code io.trackline.domain.Language}), the email subscription while email is on, and
     * when they were last saved.
     */
    public record Values(List<String> channels, List<String> alerts, QuietHours quietHours, String timeZone,
                         String language, String emailSubscriptionArn, Instant updatedAt) {
    }

    /** {@code start} and {@code end} as "HH:mm" texts, as the customer gave them. */
    public record QuietHours(String start, String end) {
    }

    public static Map<String, AttributeValue> of(String customerId, Values values) {
        Attributes item = Attributes.item()
                .s(TrackingTable.PK, TrackingTable.customerPk(customerId))
                .s(TrackingTable.SK, TrackingTable.PREFERENCES_SK)
                .s("customerId", customerId)
                .put("channels", list(values.channels()))
                .put("alerts", list(values.alerts()));
        if (values.quietHours() != null) {
            item.map("quietHours", Attributes.item().s("start", values.quietHours().start()).s("end", values.quietHours().end()));
        }
        return item.s("timeZone", values.timeZone())
                .s("language", values.language())
                .s("emailSubscriptionArn", values.emailSubscriptionArn())
                .s("updatedAt", values.updatedAt() == null ? null : TrackingTable.sortable(values.updatedAt()))
                .build();
    }

    /** The item's values as stored; an {@code updatedAt} that does not parse reads as {@code null}. */
    public static Values view(Map<String, AttributeValue> item) {
        AttributeValue quiet = item.get("quietHours");
        Map<String, AttributeValue> hours = nested(item, "quietHours");
        return new Values(names(item.get("channels")), names(item.get("alerts")),
                quiet == null || !quiet.hasM() ? null : new QuietHours(stringOrNull(hours, "start"), stringOrNull(hours, "end")),
                stringOrNull(item, "timeZone"), stringOrNull(item, "language"), stringOrNull(item, "emailSubscriptionArn"),
                instant(stringOrNull(item, "updatedAt")));
    }

    private static AttributeValue list(List<String> names) {
        return names == null ? null : AttributeValue.fromL(names.stream().map(AttributeValue::fromS).toList());
    }

    /** A list or a string set of names, or {@code null} when the attribute is absent or of another type. */
    private static List<String> names(AttributeValue value) {
        if (value == null) return null;
        if (value.hasSs()) return value.ss();
        if (value.hasL()) return value.l().stream().map(AttributeValue::s).toList();
        return null;
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }
}
