package io.trackline.notifier.adapter.templates;

import io.trackline.domain.Language;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.SmsText;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.notifier.Fixtures;
import io.trackline.notifier.application.EmailSender.EmailMessage;
import io.trackline.notifier.application.ShipmentSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts in the language the customer's preferences name: every alert kind in every {@link Language}, its dates in that
 * language, its link carrying {@code ?lang=}, and its SMS within one segment. Events and ETAs are fixed dates, so no
 * assertion depends on the day the test runs.
 */
class AlertLanguagesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:12:00Z");
    private static final Set<Trigger> ALERTS = Set.of(Trigger.OUT_FOR_DELIVERY, Trigger.DELIVERED, Trigger.DELIVERY_ATTEMPTED,
            Trigger.AVAILABLE_FOR_PICKUP, Trigger.EXCEPTION, Trigger.DELAYED, Trigger.LOST, Trigger.RETURN_TO_SENDER, Trigger.RETURNED);
    private final AlertMessages messages = new AlertMessages(Fixtures.TRACKING_PAGE);
    private final ShipmentSnapshot shipment = Fixtures.shipment("shp-1001", "cust-42", "+14155550123");

    static Stream<Arguments> everyAlertInEveryLanguage() {
        return Arrays.stream(Language.values()).flatMap(language -> ALERTS.stream().sorted().map(trigger -> Arguments.of(language, trigger)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyAlertInEveryLanguage")
    void shouldSendTheFullTextInOneGsm7Segment_linkingToThePageInThatLanguage(Language language, Trigger trigger) {
        String sms = messages.sms(event(trigger), shipment, Optional.of(language));

        // the full text (the tracking number's end is only in it), never the short or minimal one
        assertThat(sms).contains("UPS").contains("6784").endsWith("https://track.example.com/t/shp-1001?lang=" + language.tag())
                .doesNotContain("{{");
        assertThat(SmsText.isGsm7(sms)).as(sms).isTrue();
        assertThat(SmsText.units(sms)).as(sms).isLessThanOrEqualTo(SmsText.GSM7_LIMIT);
    }

    /** template.yaml's default TrackingPageUrl at its longest, with {@code ?lang=}: a shorter text, still one segment. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyAlertInEveryLanguage")
    void shouldStillFitOneSegmentWithTheLanguageInTheLink_whenTheTrackingPageIsTheStacksDefaultApiUrl(Language language, Trigger trigger) {
        String apiUrl = "https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com/production-eu-01/t";
        String shipmentId = "shp_" + "A".repeat(22);

        String sms = new AlertMessages(apiUrl).sms(Fixtures.event("evt-" + trigger, trigger, shipmentId, "cust-42", NOW), shipment,
                Optional.of(language));

        assertThat(sms).endsWith(apiUrl + "/" + shipmentId + "?lang=" + language.tag());
        assertThat(SmsText.fitsOneSegment(sms)).as(sms).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyAlertInEveryLanguage")
    void shouldWriteTheEmailInThatLanguage(Language language, Trigger trigger) {
        EmailMessage email = messages.email(event(trigger), shipment, Optional.of(language));

        assertThat(email.subject()).contains("UPS").hasSizeLessThan(100).doesNotContain("{{");
        assertThat(email.body()).contains("1Z999AA10123456784").contains("https://track.example.com/t/shp-1001?lang=" + language.tag())
                .contains(switch (language) {
                    case EN -> "Expected delivery: Monday, November 30, 2026";
                    case ES -> "Entrega prevista: lunes 30 de noviembre de 2026";
                    case DE -> "Voraussichtliche Zustellung: Montag, 30. November 2026";
                })
                .doesNotContain("{{");
    }

    @Test
    void shouldSayTheReasonAndTheDateInSpanish_whenTheCustomerChoseSpanish() {
        assertThat(messages.sms(event(Trigger.EXCEPTION), shipment, Optional.of(Language.ES))).isEqualTo(
                "Paquete UPS terminado en 6784: hay que revisar el domicilio. Llega el 30 de noviembre."
                        + " Detalles: https://track.example.com/t/shp-1001?lang=es");
        assertThat(messages.email(event(Trigger.EXCEPTION), shipment, Optional.of(Language.ES)).body())
                .startsWith("UPS informa de una incidencia con tu paquete: hay que revisar el domicilio.");
    }

    @Test
    void shouldSayTheReasonAndTheDateInGerman_whenTheCustomerChoseGerman() {
        assertThat(messages.sms(event(Trigger.EXCEPTION), shipment, Optional.of(Language.DE))).isEqualTo(
                "UPS-Paket mit Endung 6784: Die Adresse muss geprüft werden. Jetzt für Mo., 30. Nov. erwartet."
                        + " Details: https://track.example.com/t/shp-1001?lang=de");
        assertThat(messages.sms(event(Trigger.DELIVERED), shipment, Optional.of(Language.DE))).isEqualTo(
                "UPS-Paket mit Endung 6784 wurde zugestellt in Portland. Details: https://track.example.com/t/shp-1001?lang=de");
    }

    @Test
    void shouldWriteEnglishWithoutLang_whenTheCustomerNamedNoLanguage() {
        String sms = messages.sms(event(Trigger.OUT_FOR_DELIVERY), shipment, Optional.empty());

        assertThat(sms).isEqualTo("UPS package ending 6784 is out for delivery today. Track it: https://track.example.com/t/shp-1001");
        assertThat(messages.sms(event(Trigger.OUT_FOR_DELIVERY), shipment, Optional.of(Language.EN)))
                .isEqualTo(sms + "?lang=en");
    }

    /** Every reason in every language keeps the SMS in GSM-7: an accent outside it would cost the reason (UCS-2's 70). */
    @ParameterizedTest
    @EnumSource(Language.class)
    void shouldKeepEveryExceptionReasonInGsm7(Language language) {
        for (ExceptionReason reason : ExceptionReason.values()) {
            String sms = messages.sms(Fixtures.because(event(Trigger.EXCEPTION), reason), shipment, Optional.of(language));

            assertThat(SmsText.isGsm7(sms)).as(sms).isTrue();
            assertThat(SmsText.fitsOneSegment(sms)).as(sms).isTrue();
        }
    }

    @Test
    void shouldFallBackToTheShortSpanishText_whenACityForcesUcs2() {
        ShipmentEvent inKrakow = Fixtures.at(event(Trigger.AVAILABLE_FOR_PICKUP), new Location("Kraków", null, null, "PL"));

        assertThat(messages.sms(inKrakow, shipment, Optional.of(Language.ES)))
                .isEqualTo("Listo para recoger: https://track.example.com/t/shp-1001?lang=es");
    }

    @Test
    void shouldHaveEveryPhraseInEveryLanguage() {
        Templates templates = new Templates();
        Set<String> english = new TreeSet<>(templates.properties("en/phrases.properties").stringPropertyNames());
        assertThat(english).contains("reason.OTHER", "format.smsDate", "format.emailDate");
        for (Language language : Language.values()) {
            assertThat(new TreeSet<>(templates.properties(language.tag() + "/phrases.properties").stringPropertyNames()))
                    .as(language.tag()).isEqualTo(english);
        }
    }

    private static ShipmentEvent event(Trigger trigger) {
        return Fixtures.event("evt-" + trigger, trigger, "shp-1001", "cust-42", NOW);
    }
}
