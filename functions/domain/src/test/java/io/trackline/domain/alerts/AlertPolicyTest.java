package io.trackline.domain.alerts;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AlertPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final AlertPolicy policy = new AlertPolicy(new SmsCaps(5, 20), AlertPolicy.DEFAULT_MAX_AGE);

    @ParameterizedTest
    @EnumSource(value = Trigger.class, names = {"OUT_FOR_DELIVERY", "DELIVERED", "DELIVERY_ATTEMPTED", "AVAILABLE_FOR_PICKUP",
            "EXCEPTION", "DELAYED", "LOST", "RETURN_TO_SENDER", "RETURNED"})
    void shouldSend_whenTriggerIsADefaultAlert(Trigger trigger) {
        // given a customer with no stored preferences
        AlertSituation situation = situation(event(trigger), Channel.SMS, Preferences.defaults());

        // when
        NotificationDecision decision = policy.decide(situation);

        // then
        assertThat(decision.outcome()).isEqualTo(NotificationDecision.Outcome.SEND);
    }

    @ParameterizedTest
    @EnumSource(value = Trigger.class, names = {"LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "STALLED", "SUSPECTED_LOST",
            "ETA_CHANGED"})
    void shouldSuppressAsAlertOff_whenTriggerIsNotADefaultAlert(Trigger trigger) {
        NotificationDecision decision = policy.decide(situation(event(trigger), Channel.SMS, Preferences.defaults()));

        assertThat(decision).isEqualTo(NotificationDecision.suppress(Suppression.ALERT_OFF));
    }

    @Test
    void shouldSuppressAsAlertOff_whenCustomerTurnedThatAlertOff() {
        // given a customer who only wants delivery confirmations
        Preferences onlyDelivered = new Preferences(Set.of(Channel.SMS), Set.of(Trigger.DELIVERED), Optional.empty(), ZoneOffset.UTC, Optional.empty());

        // when out for delivery arrives
        NotificationDecision decision = policy.decide(situation(event(Trigger.OUT_FOR_DELIVERY), Channel.SMS, onlyDelivered));

        // then
        assertThat(decision.reason()).isEqualTo(Suppression.ALERT_OFF);
    }

    @Test
    void shouldSuppressAsAlertOff_whenChannelIsOff() {
        // given email is not among the customer's channels (the default)
        NotificationDecision decision = policy.decide(situation(event(Trigger.DELIVERED), Channel.EMAIL, Preferences.defaults()));

        assertThat(decision.reason()).isEqualTo(Suppression.ALERT_OFF);
    }

    @Test
    void shouldSuppressAsNoContact_whenChannelHasNoAddress() {
        AlertSituation situation = new AlertSituation(event(Trigger.DELIVERED), Channel.SMS, Preferences.defaults(), false,
                true, Set.of(), () -> false, NOW, null);

        assertThat(policy.decide(situation).reason()).isEqualTo(Suppression.NO_CONTACT);
    }

    @Test
    void shouldSuppressAsStale_whenEventIsOlderThanADay() {
        // given an out-for-delivery scan from 25 hours ago
        ShipmentEvent old = event(Trigger.OUT_FOR_DELIVERY, Status.OUT_FOR_DELIVERY, NOW.minus(Duration.ofHours(25)), null, null);

        assertThat(policy.decide(situation(old, Channel.SMS, Preferences.defaults())).reason()).isEqualTo(Suppression.STALE_EVENT);
    }

    @Test
    void shouldJudgeStalenessWhenFirstHeld_whenAHeldAlertComesBack() {
        // given a delivery 20 hours ago, held for quiet hours 14 hours ago
        ShipmentEvent delivered = event(Trigger.DELIVERED, Status.DELIVERED, NOW.minus(Duration.ofHours(20)), null, null);
        AlertSituation situation = new AlertSituation(delivered, Channel.SMS, Preferences.defaults(), true, true, Set.of(),
                () -> false, NOW, NOW.minus(Duration.ofHours(14)));

        // then it is still sent, although now it is older than a day
        assertThat(policy.decide(situation).outcome()).isEqualTo(NotificationDecision.Outcome.SEND);
    }

    @Test
    void shouldSuppressAsPostTerminal_whenScanArrivesAfterDelivery() {
        // given the shipment is delivered and a late in-transit exception arrives
        ShipmentEvent late = event(Trigger.EXCEPTION, Status.EXCEPTION, NOW, ExceptionReason.MISSORTED, null);
        AlertSituation situation = new AlertSituation(late, Channel.SMS, Preferences.defaults(), true, true, Set.of(),
                () -> false, NOW, null);

        assertThat(policy.decide(situation).reason()).isEqualTo(Suppression.POST_TERMINAL);
    }

    @Test
    void shouldSuppressAsPostTerminal_whenPreviousStatusWasTerminal() {
        ShipmentEvent afterDelivery = new ShipmentEvent("evt-9", Trigger.RETURN_TO_SENDER, "shp-1", "t", "o", "c", "ups", "1Z1",
                Status.RETURN_TO_SENDER, Status.DELIVERED, null, null, false, false, null, null, null, NOW.atOffset(ZoneOffset.UTC), NOW, 2);

        assertThat(policy.decide(situation(afterDelivery, Channel.SMS, Preferences.defaults())).reason())
                .isEqualTo(Suppression.POST_TERMINAL);
    }

    @Test
    void shouldAlertOncePerReason_whenExceptionRepeats() {
        // given an address issue was already alerted on SMS
        ShipmentEvent again = event(Trigger.EXCEPTION, Status.EXCEPTION, NOW, ExceptionReason.ADDRESS_ISSUE, null);
        AlertSituation repeated = new AlertSituation(again, Channel.SMS, Preferences.defaults(), true, false,
                Set.of("EXCEPTION#ADDRESS_ISSUE"), () -> false, NOW, null);
        ShipmentEvent other = event(Trigger.EXCEPTION, Status.EXCEPTION, NOW, ExceptionReason.CUSTOMS_HOLD, null);
        AlertSituation newReason = new AlertSituation(other, Channel.SMS, Preferences.defaults(), true, false,
                Set.of("EXCEPTION#ADDRESS_ISSUE"), () -> false, NOW, null);

        // then the same reason is suppressed, a new reason goes out with its own once-key
        assertThat(policy.decide(repeated).reason()).isEqualTo(Suppression.ALREADY_ALERTED);
        assertThat(policy.decide(newReason)).isEqualTo(NotificationDecision.send("EXCEPTION#CUSTOMS_HOLD"));
    }

    @Test
    void shouldAlertOncePerSlip_whenDelayRepeats() {
        // given the delay to 2026-11-30 was already alerted
        Set<String> alerted = Set.of("DELAYED#2026-11-30");
        ShipmentEvent sameSlip = event(Trigger.DELAYED, Status.IN_TRANSIT, NOW, null, LocalDate.parse("2026-11-30"));
        ShipmentEvent nextSlip = event(Trigger.DELAYED, Status.IN_TRANSIT, NOW, null, LocalDate.parse("2026-12-02"));

        // then
        assertThat(policy.decide(new AlertSituation(sameSlip, Channel.SMS, Preferences.defaults(), true, false, alerted,
                () -> false, NOW, null)).reason()).isEqualTo(Suppression.ALREADY_ALERTED);
        assertThat(policy.decide(new AlertSituation(nextSlip, Channel.SMS, Preferences.defaults(), true, false, alerted,
                () -> false, NOW, null))).isEqualTo(NotificationDecision.send("DELAYED#2026-12-02"));
    }

    @Test
    void shouldHoldUntilMorning_whenNonUrgentSmsFallsInQuietHours() {
        // given quiet hours 21:00-08:00 in New York, and it is 23:30 there
        Instant lateEvening = Instant.parse("2026-11-28T04:30:00Z");
        Preferences quiet = new Preferences(Set.of(Channel.SMS), Preferences.DEFAULT_ALERTS,
                Optional.of(QuietHours.parse("21:00", "08:00")), NEW_YORK, Optional.empty());
        ShipmentEvent delivered = event(Trigger.DELIVERED, Status.DELIVERED, lateEvening, null, null);

        // when
        NotificationDecision decision = policy.decide(new AlertSituation(delivered, Channel.SMS, quiet, true, true, Set.of(),
                () -> false, lateEvening, null));

        // then held until 08:00 New York time
        assertThat(decision).isEqualTo(NotificationDecision.hold(Instant.parse("2026-11-28T13:00:00Z")));
    }

    @Test
    void shouldSendAtOnce_whenUrgentOrEmailInQuietHours() {
        Instant early = Instant.parse("2026-11-28T12:30:00Z"); // 07:30 in New York
        Preferences quiet = new Preferences(Set.of(Channel.SMS, Channel.EMAIL), Preferences.DEFAULT_ALERTS,
                Optional.of(QuietHours.parse("21:00", "08:00")), NEW_YORK, Optional.empty());
        ShipmentEvent outForDelivery = event(Trigger.OUT_FOR_DELIVERY, Status.OUT_FOR_DELIVERY, early, null, null);
        ShipmentEvent delivered = event(Trigger.DELIVERED, Status.DELIVERED, early, null, null);

        assertThat(policy.decide(new AlertSituation(outForDelivery, Channel.SMS, quiet, true, false, Set.of(), () -> false, early, null))
                .outcome()).isEqualTo(NotificationDecision.Outcome.SEND);
        assertThat(policy.decide(new AlertSituation(delivered, Channel.EMAIL, quiet, true, true, Set.of(), () -> false, early, null))
                .outcome()).isEqualTo(NotificationDecision.Outcome.SEND);
    }

    @Test
    void shouldSendHeldSms_whenQuietHoursHaveEnded() {
        Instant morning = Instant.parse("2026-11-28T13:01:00Z"); // 08:01 in New York
        Preferences quiet = new Preferences(Set.of(Channel.SMS), Preferences.DEFAULT_ALERTS,
                Optional.of(QuietHours.parse("21:00", "08:00")), NEW_YORK, Optional.empty());
        ShipmentEvent delivered = event(Trigger.DELIVERED, Status.DELIVERED, Instant.parse("2026-11-28T04:30:00Z"), null, null);

        NotificationDecision decision = policy.decide(new AlertSituation(delivered, Channel.SMS, quiet, true, true, Set.of(),
                () -> false, morning, Instant.parse("2026-11-28T04:30:05Z")));

        assertThat(decision.outcome()).isEqualTo(NotificationDecision.Outcome.SEND);
    }

    @Test
    void shouldSuppressAsOptedOut_whenNumberOptedOut() {
        AlertSituation situation = new AlertSituation(event(Trigger.DELIVERED), Channel.SMS, Preferences.defaults(), true, true,
                Set.of(), () -> true, NOW, null);

        assertThat(policy.decide(situation).reason()).isEqualTo(Suppression.OPTED_OUT);
    }

    @Test
    void shouldNotAskForOptOut_whenAlertIsSuppressedAnyway() {
        // given the opt-out check costs a call to the SMS service
        AtomicInteger asked = new AtomicInteger();
        AlertSituation situation = new AlertSituation(event(Trigger.IN_TRANSIT), Channel.SMS, Preferences.defaults(), true, false,
                Set.of(), () -> asked.incrementAndGet() > 0, NOW, null);

        // when
        policy.decide(situation);

        // then
        assertThat(asked).hasValue(0);
    }

    @Test
    void shouldCountCapsOnCustomersLocalDay() {
        Preferences newYork = new Preferences(Set.of(Channel.SMS), Preferences.DEFAULT_ALERTS, Optional.empty(), NEW_YORK, Optional.empty());

        assertThat(AlertPolicy.capDay(Instant.parse("2026-11-28T03:00:00Z"), newYork)).isEqualTo(LocalDate.parse("2026-11-27"));
    }

    @Test
    void shouldTreatOnlyOutForDeliveryAsUrgent() {
        assertThat(EnumSet.allOf(Trigger.class).stream().filter(AlertPolicy::isUrgent)).containsExactly(Trigger.OUT_FOR_DELIVERY);
    }

    private static AlertSituation situation(ShipmentEvent event, Channel channel, Preferences preferences) {
        return new AlertSituation(event, channel, preferences, true, event.status().isTerminal(), Set.of(), () -> false, NOW, null);
    }

    static ShipmentEvent event(Trigger trigger) {
        Status status = switch (trigger) {
            case DELAYED, ETA_CHANGED, STALLED, SUSPECTED_LOST -> Status.IN_TRANSIT;
            default -> Status.valueOf(trigger.name());
        };
        return event(trigger, status, NOW.minus(Duration.ofMinutes(5)),
                trigger == Trigger.EXCEPTION ? ExceptionReason.ADDRESS_ISSUE : null, null);
    }

    static ShipmentEvent event(Trigger trigger, Status status, Instant occurredAt, ExceptionReason reason, LocalDate eta) {
        return new ShipmentEvent("evt-" + trigger + "-" + occurredAt.toEpochMilli(), trigger, "shp-1", "tenant-1", "ord-1",
                "cust-1", "ups", "1Z999AA10123456784", status, Status.IN_TRANSIT, null, reason, false,
                trigger == Trigger.DELAYED, eta, null, null, occurredAt.atOffset(ZoneOffset.UTC), occurredAt, 2);
    }
}
