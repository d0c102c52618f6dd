package io.trackline.notifier.adapter.templates;

import io.trackline.domain.Language;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.SmsText;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.tracking.Location;
import io.trackline.notifier.Fixtures;
import io.trackline.notifier.application.EmailSender.EmailMessage;
import io.trackline.notifier.application.ShipmentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMessagesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:12:00Z");
    private static final Optional<Language> NO_LANGUAGE = Optional.empty();
    private final AlertMessages messages = new AlertMessages(Fixtures.TRACKING_PAGE);
    private final ShipmentSnapshot shipment = Fixtures.shipment("shp-1001", "cust-42", "+14155550123");

    @ParameterizedTest
    @EnumSource(value = Trigger.class, names = {"OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_ATTEMPTED", "AVAILABLE_FOR_PICKUP",
            "EXCEPTION", "DELAYED", "LOST", "RETURN_TO_SENDER", "RETURNED"})
    void shouldRenderOneGsm7SegmentWithCarrierAndLink_whenSms(Trigger trigger) {
        // when
        String sms = messages.sms(event(trigger), shipment, NO_LANGUAGE);

        // then the full text (with the carrier) fits one GSM-7 segment and links to the tracking page
        assertThat(sms).startsWith("UPS").contains("ending 6784").endsWith("https://track.example.com/t/shp-1001")
                .doesNotContain("{{");
        assertThat(SmsText.isGsm7(sms)).isTrue();
        assertThat(SmsText.units(sms)).isLessThanOrEqualTo(160);
    }

    /** template.yaml's default TrackingPageUrl (the API URL + /t), at its longest: a 16-character stage, a long region. */
    @ParameterizedTest
    @EnumSource(value = Trigger.class, names = {"OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_ATTEMPTED", "AVAILABLE_FOR_PICKUP",
            "EXCEPTION", "DELAYED", "LOST", "RETURN_TO_SENDER", "RETURNED"})
    void shouldStillFitOneSegmentWithTheLink_whenTheTrackingPageIsTheStacksDefaultApiUrl(Trigger trigger) {
        String apiUrl = "https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/production-eu-01/t";
        String shipmentId = "shp_" + "A".repeat(22);

        String sms = new AlertMessages(apiUrl).sms(Fixtures.event("evt-" + trigger, trigger, shipmentId, "cust-42", NOW), shipment,
                NO_LANGUAGE);

        assertThat(sms).endsWith(apiUrl + "/" + shipmentId);
        assertThat(SmsText.units(sms)).isLessThanOrEqualTo(160);
    }

    @ParameterizedTest
    @EnumSource(value = Trigger.class, names = {"OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_ATTEMPTED", "AVAILABLE_FOR_PICKUP",
            "EXCEPTION", "DELAYED", "LOST", "RETURN_TO_SENDER", "RETURNED"})
    void shouldRenderSubjectFactsAndHistory_whenEmail(Trigger trigger) {
        // when
        EmailMessage email = messages.email(event(trigger), shipment, NO_LANGUAGE);

        // then
        assertThat(email.subject()).contains("UPS").hasSizeLessThan(100).doesNotContain("{{");
        assertThat(email.body())
                .contains("Tracking number: 1Z999AA10123456784")
                .contains("Expected delivery: Monday, November 30, 2026")
                .contains("- 2026-11-27T07:12:00-08:00  Out for delivery (Portland)")
                .contains("Track your package: https://track.example.com/t/shp-1001")
                .doesNotContain("{{");
    }

    @Test
    void shouldCarryEtaAndReason_whenExceptionSms() {
        String sms = messages.sms(event(Trigger.EXCEPTION), shipment, NO_LANGUAGE);

        assertThat(sms).isEqualTo("UPS package ending 6784 has a problem: the address needs attention. Now expected Mon Nov 30."
                + " Details: https://track.example.com/t/shp-1001");
    }

    @Test
    void shouldFallBackToShortText_whenACharacterForcesUcs2() {
        // given a pickup point in Kraków: "ó" is not GSM-7, so the limit drops to 70
        ShipmentEvent inKrakow = Fixtures.at(Fixtures.event("evt-1", Trigger.AVAILABLE_FOR_PICKUP, "shp-1001", "cust-42", NOW),
                new Location("Kraków", null, null, "PL"));

        // when
        String sms = messages.sms(inKrakow, shipment, NO_LANGUAGE);

        // then the short text is sent whole rather than a split or truncated one
        assertThat(sms).isEqualTo("Ready for pickup: https://track.example.com/t/shp-1001");
    }

    @Test
    void shouldFallBackToMinimalText_whenShortTextIsStillTooLong() {
        // given a long tracking page URL
        AlertMessages longUrl = new AlertMessages("https://tracking.example.com/" + "x".repeat(105));

        String sms = longUrl.sms(event(Trigger.DELIVERY_ATTEMPTED), shipment, NO_LANGUAGE);

        assertThat(sms).startsWith("Package update: https://tracking.example.com/");
        assertThat(SmsText.fitsOneSegment(sms)).isTrue();
    }

    private static ShipmentEvent event(Trigger trigger) {
        return Fixtures.event("evt-" + trigger, trigger, "shp-1001", "cust-42", NOW);
    }
}
