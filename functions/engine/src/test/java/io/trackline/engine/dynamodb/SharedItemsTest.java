package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.SuspectedLoss;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
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
    void shouldWriteOneCaseShape_whetherTheCustomerReportsAProblemOrTheSweeperSuspectsALoss() {
        var report = new CaseItem.Case("case_1", "shp_1", "tenant-1", "order-1", "cust-1", "NOT_RECEIVED", CaseItem.OPEN,
                null, AT, new CaseItem.Evidence("DELIVERED", "DELIVERED", null, false, "2026-03-03", null,
                "2026-03-02T10:00:00-05:00", null, null, List.of(new CaseItem.Scan("DELIVERED", "2026-03-02T10:00:00-05:00",
                "Delivered, front door", "Springfield", null))));
        var loss = new SuspectedLoss("case_2", "shp_1", "tenant-1", "cust-1", AT, Status.IN_TRANSIT, Milestone.IN_TRANSIT,
                AT.minusSeconds(864_000));

        Map<String, AttributeValue> reported = CaseItem.of(report);
        Map<String, AttributeValue> suspected = CaseItem.of(loss);

        assertThat(reported).containsAllEntriesOf(TrackingTable.caseKey("shp_1", "case_1"));
        assertThat(suspected).containsAllEntriesOf(TrackingTable.caseKey("shp_1", "case_2"));
        assertThat(reported.keySet()).containsAll(suspected.keySet()).contains("orderId").doesNotContain("description");
        assertThat(suspected.get("type").s()).isEqualTo(SuspectedLoss.TYPE);
        assertThat(suspected.get("createdAt")).isEqualTo(reported.get("createdAt"));
        assertThat(reported.get("evidence").m().keySet())
                .containsExactlyInAnyOrder("status", "milestone", "delayed", "promised", "statusOccurredAt", "lastScans");
        assertThat(reported.get("evidence").m().get("lastScans").l().get(0).m()).doesNotContainKey("country");
        assertThat(suspected.get("evidence").m().keySet()).containsExactlyInAnyOrder("status", "milestone", "lastScanAt", "reason");
        assertThat(CaseItem.openCaseId(CaseItem.openGuard(report))).isEqualTo("case_1");
        assertThat(CaseItem.openGuard(report)).containsAllEntriesOf(TrackingTable.openCaseKey("shp_1", "NOT_RECEIVED"));
    }

    @Test
    void shouldReadBackTheClaim_whenTheLedgerWritesIt() {
        var claim = new NotificationClaimItem.Claim("CLAIMED", "token-1", AT.toEpochMilli(), "n-1", AT);

        Map<String, AttributeValue> item = NotificationClaimItem.of("evt-1", "SMS", "shp_1", claim, AT.plusSeconds(60));

        assertThat(item).containsAllEntriesOf(TrackingTable.notificationClaimKey("evt-1", "SMS"));
        assertThat(NotificationClaimItem.view(item)).isEqualTo(claim);
        assertThat(NotificationClaimItem.onceGuard("shp_1", "DELAYED#2026-03-06", "SMS", "evt-1", AT))
                .containsAllEntriesOf(TrackingTable.alertOnceKey("shp_1", "DELAYED#2026-03-06", "SMS"))
                .containsEntry(NotificationClaimItem.EVENT_ID, AttributeValue.fromS("evt-1"));
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
