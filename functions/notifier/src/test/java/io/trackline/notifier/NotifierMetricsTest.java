package io.trackline.notifier;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.Trigger;
import io.trackline.notifier.InMemoryNotifier.Counted;
import io.trackline.notifier.application.NotificationState;
import io.trackline.notifier.application.RecordOptOut;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static io.trackline.notifier.SqsBatches.batch;
import static io.trackline.notifier.SqsBatches.message;
import static org.assertj.core.api.Assertions.assertThat;

/** What the notifier counts (AlertMetrics): each recorded decision once, and each SMS reply. */
class NotifierMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T15:20:00Z");
    private static final String PHONE = "+14155550111";
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final NotifierHandler handler = notifier.handler(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldCountOneSentSms_whenAnSmsIsSent() {
        // given
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", PHONE));

        // when
        handler.handleRequest(batch(alert("m-1", "e-1")), null);

        // then
        assertThat(notifier.smsSent).hasSize(1);
        assertThat(notifier.decisionsCounted).containsExactly(new Counted(Channel.SMS, NotificationState.SENT, null));
    }

    @Test
    void shouldCountTheSuppressionWithItsReason_whenTheNumberRepliedStop() {
        // given the number is on our STOP list
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", PHONE));
        notifier.stopped.add(new PhoneNumber(PHONE));

        // when
        handler.handleRequest(batch(alert("m-1", "e-1")), null);

        // then
        assertThat(notifier.smsSent).isEmpty();
        assertThat(notifier.decisionsCounted)
                .containsExactly(new Counted(Channel.SMS, NotificationState.SUPPRESSED, "OPTED_OUT"));
    }

    @Test
    void shouldCountEachChannelOnce_whenASentEventIsRedelivered() {
        // given a customer with SMS and email on, whose event was sent on both channels
        notifier.preferences.put("cust-1", new Preferences(Set.of(Channel.SMS, Channel.EMAIL), Preferences.DEFAULT_ALERTS,
                Optional.empty(), ZoneOffset.UTC, Optional.empty()));
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", PHONE));
        handler.handleRequest(batch(alert("m-1", "e-1")), null);

        // when SQS delivers the same event twice more
        handler.handleRequest(batch(alert("m-2", "e-1"), alert("m-3", "e-1")), null);

        // then
        assertThat(notifier.smsSent).hasSize(1);
        assertThat(notifier.emailsSent).hasSize(1);
        assertThat(notifier.decisionsCounted).containsExactlyInAnyOrder(
                new Counted(Channel.SMS, NotificationState.SENT, null),
                new Counted(Channel.EMAIL, NotificationState.SENT, null));
    }

    @Test
    void shouldCountTheSuppressionOnce_whenASuppressedEventIsRedelivered() {
        // given an alert suppressed because the number replied STOP
        notifier.shipments.put("shp-1", Fixtures.shipment("shp-1", "cust-1", PHONE));
        notifier.stopped.add(new PhoneNumber(PHONE));
        handler.handleRequest(batch(alert("m-1", "e-1")), null);

        // when the same event comes again
        handler.handleRequest(batch(alert("m-2", "e-1")), null);

        // then the policy suppresses it again, but the ledger had it already: one count
        assertThat(notifier.decisionsCounted)
                .containsExactly(new Counted(Channel.SMS, NotificationState.SUPPRESSED, "OPTED_OUT"));
    }

    @Test
    void shouldCountEveryReplyByOutcome_whenACustomerRepliesStopThenChatsThenStart() {
        // when
        handler.handleRequest(batch(reply("r-1", "Stop"), reply("r-2", "thanks!"), reply("r-3", "START")), null);

        // then
        assertThat(notifier.repliesCounted).containsExactly(
                RecordOptOut.Outcome.STOPPED, RecordOptOut.Outcome.IGNORED, RecordOptOut.Outcome.STARTED);
        assertThat(notifier.decisionsCounted).isEmpty();
    }

    private static SQSEvent.SQSMessage alert(String messageId, String eventId) {
        return message(messageId, ShipmentEventCodec.encode(Fixtures.event(eventId, Trigger.OUT_FOR_DELIVERY, "shp-1", "cust-1", NOW)));
    }

    private static SQSEvent.SQSMessage reply(String messageId, String text) {
        return message(messageId, "{\"originationNumber\":\"" + PHONE + "\",\"destinationNumber\":\"+18005550100\","
                + "\"messageBody\":\"" + text + "\",\"inboundMessageId\":\"in-" + messageId + "\"}");
    }
}
