package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.Trigger;
import io.trackline.notifier.application.NotificationState;
import io.trackline.testkit.SampleEvents;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static io.trackline.notifier.SqsBatches.batch;
import static io.trackline.notifier.SqsBatches.message;
import static org.assertj.core.api.Assertions.assertThat;

class NotifierHandlerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:20:00Z");
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final NotifierHandler handler = notifier.handler(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSendOneSmsAndReportNoFailure_whenOutForDeliveryEventArrives() {
        // given the shipment of events/sqs-notification-out-for-delivery.json, with a phone on file
        notifier.shipments.put("shp-1001", Fixtures.shipment("shp-1001", "cust-42", "+14155550123"));
        SQSEvent event = SampleEvents.sqs("sqs-notification-out-for-delivery.json");

        // when
        SQSBatchResponse response = handler.handleRequest(event, null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(notifier.smsSent).containsExactly("+14155550123 UPS package ending 6784 is out for delivery today."
                + " Track it: https://track.example.com/t/shp-1001");
        assertThat(notifier.notifications.values()).singleElement().satisfies(n -> {
            assertThat(n.state()).isEqualTo(NotificationState.SENT);
            assertThat(n.to()).isEqualTo("+1********23");
        });
    }

    @Test
    void shouldReportOnlyTheBadMessage_whenOneBodyIsNotAShipmentEvent() {
        // given a batch with a good event and a body that is not a shipment event
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", "+14155550111"));
        SQSEvent batch = batch(message("m-good", ShipmentEventCodec.encode(Fixtures.event("e-1", Trigger.DELIVERED, "shp-1", "cust-1", NOW))),
                message("m-bad", "{\"hello\":\"world\"}"));

        // when
        SQSBatchResponse response = handler.handleRequest(batch, null);

        // then only the bad one is retried (and ends in the DLQ), the good one is sent
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-bad");
        assertThat(notifier.smsSent).hasSize(1);
    }

    @Test
    void shouldRetryOnlyTheAffectedMessage_whenOneShipmentCannotBeRead() {
        // given two events of two shipments, and the read of the second fails
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", "+14155550111"));
        notifier.unreadable.add("shp-2");
        SQSEvent batch = batch(
                message("m-1", ShipmentEventCodec.encode(Fixtures.event("e-1", Trigger.DELIVERED, "shp-1", "cust-1", NOW))),
                message("m-2", ShipmentEventCodec.encode(Fixtures.event("e-2", Trigger.DELIVERED, "shp-2", "cust-2", NOW))));

        // when
        SQSBatchResponse response = handler.handleRequest(batch, null);

        // then
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-2");
        assertThat(notifier.smsSent).hasSize(1);
    }

    @Test
    void shouldReadPreferencesOnceAndSendBothChannels_whenBatchHasSeveralEventsOfOneCustomer() {
        // given a customer with SMS and email on, and three events for two shipments
        notifier.preferences.put("cust-1", new Preferences(Set.of(Channel.SMS, Channel.EMAIL), Preferences.DEFAULT_ALERTS,
                Optional.empty(), ZoneOffset.UTC, Optional.empty()));
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", "+14155550111"));
        notifier.shipments.put("shp-2", Fixtures.shipment("shp-2", "cust-1", "+14155550111"));
        SQSEvent batch = batch(
                message("m-1", ShipmentEventCodec.encode(Fixtures.event("e-1", Trigger.OUT_FOR_DELIVERY, "shp-1", "cust-1", NOW))),
                message("m-2", ShipmentEventCodec.encode(Fixtures.event("e-2", Trigger.DELIVERED, "shp-1", "cust-1", NOW))),
                message("m-3", ShipmentEventCodec.encode(Fixtures.event("e-3", Trigger.OUT_FOR_DELIVERY, "shp-2", "cust-1", NOW))));

        // when
        handler.handleRequest(batch, null);

        // then
        assertThat(notifier.preferenceReads).isEqualTo(1);
        assertThat(notifier.smsSent).hasSize(3);
        assertThat(notifier.emailsSent).hasSize(3).allMatch(mail -> mail.startsWith("cust-1 "));
    }

    @Test
    void shouldRecordStopAndSuppressLaterSms_whenCustomerRepliesStop() {
        // given the customer replies STOP (SNS two-way SMS, delivered to the queue)
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", "+14155550111"));
        handler.handleRequest(batch(message("m-stop",
                "{\"originationNumber\":\"+14155550111\",\"destinationNumber\":\"+18005550100\",\"messageKeyword\":\"STOP\","
                        + "\"messageBody\":\"Stop\",\"inboundMessageId\":\"in-1\"}")), null);

        // when an alert for their shipment arrives
        handler.handleRequest(batch(message("m-1", ShipmentEventCodec.encode(
                Fixtures.event("e-1", Trigger.OUT_FOR_DELIVERY, "shp-1", "cust-1", NOW)))), null);

        // then
        assertThat(notifier.stopped).containsExactly(new PhoneNumber("+14155550111"));
        assertThat(notifier.smsSent).isEmpty();
        assertThat(notifier.notifications.values()).singleElement().satisfies(n -> {
            assertThat(n.state()).isEqualTo(NotificationState.SUPPRESSED);
            assertThat(n.reason()).isEqualTo("OPTED_OUT");
        });
    }
}
