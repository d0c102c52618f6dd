package io.trackline.webhook.http.aftership;

import io.trackline.domain.tracking.Scan;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.application.PackageUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterShipSourceTest {
    private static PackageUpdate parse(String checkpoint, String estimates) {
        String body = """
                {"event":"tracking_update","event_id":"e1","msg":{"slug":"dhl","tracking_number":"1234567890",%s
                 "checkpoints":[%s]}}""".formatted(estimates, checkpoint);
        return new AfterShipSource().parse(new WebhookRequest("aftership", Map.of(), body.getBytes(StandardCharsets.UTF_8)))
                .packages().getFirst();
    }

    private static Scan checkpoint(String time, String country) {
        return parse("""
                {"tag":"InTransit","subtag":"InTransit_007","checkpoint_time":"%s","country_region":"%s"}""".formatted(time, country), "")
                .scans().getFirst();
    }

    @ParameterizedTest
    @CsvSource({
            "2025-11-25T08:12:00,      DEU, 2025-11-25T08:12:00+01:00",
            "2025-07-25T08:12:00,      DEU, 2025-07-25T08:12:00+02:00",
            "2025-11-25T08:12:00.250,  JPN, 2025-11-25T08:12:00.250+09:00",
            "2025-11-25,               GBR, 2025-11-25T00:00:00Z",
            "2025-11-25T08:12:00-05:00, USA, 2025-11-25T08:12:00-05:00"})
    void shouldResolveTheLocalTime_whenTheCountryHasOneZoneOrTheOffsetIsGiven(String time, String country, String expected) {
        assertThat(checkpoint(time, country).occurredAt()).isEqualTo(OffsetDateTime.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"2025-11-25T08:12:00, USA", "2025-11-25T08:12:00, CAN", "2025-11-25, AUS"})
    void shouldRejectTheCheckpoint_whenALocalTimeIsAmbiguous(String time, String country) {
        assertThatThrownBy(() -> checkpoint(time, country))
                .isInstanceOfSatisfying(WebhookRejected.class, e -> assertThat(e.field()).isEqualTo("/msg/checkpoints/0/checkpoint_time"));
    }

    @Test
    void shouldFallBackToTheCarriersExpectedDelivery_whenAfterShipHasNoEstimate() {
        PackageUpdate update = parse("", "\"latest_estimated_delivery\":null,\"aftership_estimated_delivery_date\":null,"
                + "\"expected_delivery\":\"2025-12-01T17:00:00\",");

        assertThat(update.estimate()).contains(LocalDate.of(2025, 12, 1));
    }

    @Test
    void shouldIgnoreTheMerchantsCustomDate_whenItIsTheOnlyEstimate() {
        PackageUpdate update = parse("", "\"custom_estimated_delivery_date\":{\"type\":\"specific\",\"datetime\":\"2025-12-03\"},");

        assertThat(update.estimate()).isEmpty();
    }

    @Test
    void shouldIgnoreTheEvent_whenItIsNotATrackingEvent() {
        var delivery = new AfterShipSource().parse(new WebhookRequest("aftership", Map.of(),
                "{\"event\":\"tracking_created\",\"event_id\":\"e2\",\"msg\":{}}".getBytes(StandardCharsets.UTF_8)));

        assertThat(delivery.packages()).isEmpty();
        assertThat(delivery.deliveryId()).isEqualTo("e2");
    }
}
