package io.trackline.engine.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The items two functions share, written by one and read by the other, through one codec each. */
class SharedItemsTest {
    private static final Instant AT = Instant.parse("2026-03-04T09:15:30.250Z");

    @Test
    void shouldReadBackWhatWasWritten_whenPreferencesAreSaved() {
        var values = new PreferencesItem.Values(List.of("SMS", "EMAIL"), List.of(), new PreferencesItem.QuietHours("21:00", "07:00"),
                "Europe/Paris", "es", "arn:sub:1", AT);

        Map<String, AttributeValue> item = PreferencesItem.of("cust-1", values);

        assertThat(item).containsAllEntriesOf(TrackingTable.preferencesKey("cust-1"));
        assertThat(item.get("customerId").s()).isEqualTo("cust-1");
        assertThat(item.get("language").s()).isEqualTo("es");
        assertThat(PreferencesItem.view(item)).isEqualTo(values);
    }

    @Test
    void shouldTellNoneFromEmpty_whenPreferencesLackLists() {
        Map<String, AttributeValue> item = Map.of("channels", AttributeValue.fromSs(List.of("SMS")),
                "updatedAt", AttributeValue.fromS("yesterday"), "quietHours", AttributeValue.fromS("21:00-07:00"));

        var stored = PreferencesItem.view(item);

        assertThat(stored.channels()).containsExactly("SMS");
        assertThat(stored.alerts()).isNull();
        assertThat(stored.quietHours()).isNull();
        assertThat(stored.updatedAt()).isNull();
        assertThat(stored.language()).isNull();
        var none = PreferencesItem.of("c", new PreferencesItem.Values(List.of(), List.of(), null, "UTC", null, null, AT));
        assertThat(none).doesNotContainKey("language");
        assertThat(PreferencesItem.view(none).channels()).isEmpty();
    }

    @Test
    void shouldShowTheDecisionUnderItsShipment_whenANotificationIsWritten() {
        var decision = new NotificationItem.Decision("shp_1", "n-1", AT, "evt-1", "SMS", "DELIVERED", "SUPPRESSED",
                "+14155550123", "quiet hours", null, null);

        Map<String, AttributeValue> item = NotificationItem.of(decision, AT.plusSeconds(86_400));

        assertThat(item.get(TrackingTable.PK).s()).isEqualTo(TrackingTable.shipmentPk("shp_1"));
        assertThat(item.get(TrackingTable.SK).s()).isEqualTo(TrackingTable.notificationSk(AT.toString(), "n-1"));
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(AT.plusSeconds(86_400).getEpochSecond()));
        assertThat(item).doesNotContainKeys("onceKey", "messageId");
        assertThat(NotificationItem.view(item)).isEqualTo(new NotificationItem.View("n-1", "SMS", "DELIVERED", "SUPPRESSED",
                "quiet hours", "+14155550123", AT.toString(), null));
    }

    @Test
    void shouldReadBackTheTenant_whenAnApiKeyIsAddedAndRevoked() {
        Map<String, AttributeValue> item = ApiKeyItem.of("ab12", "tenant-1", "order system", AT);

        assertThat(item).containsAllEntriesOf(TrackingTable.apiKeyKey("ab12"));
        assertThat(ApiKeyItem.view(item)).isEqualTo(new ApiKeyItem.Values("tenant-1", "order system", false));
        var revoked = new java.util.HashMap<>(item);
        revoked.put(ApiKeyItem.REVOKED, AttributeValue.fromBool(true));
        assertThat(ApiKeyItem.view(revoked).revoked()).isTrue();
    }

    @Test
    void shouldKeyTheStopByPhoneNumber_whenAnOptOutIsWritten() {
        Map<String, AttributeValue> item = OptOutItem.of("+14155550123", AT);

        assertThat(item).containsAllEntriesOf(TrackingTable.optOutKey("+14155550123"));
        assertThat(item.get("optedOutAt").s()).isEqualTo(AT.toString());
    }
}
