package io.trackline.relay;

import io.trackline.testkit.engine.EngineCloud;
import io.trackline.engine.dynamodb.OutboxItem;
import io.trackline.engine.TrackingEngine;
import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.MutableClock;
import io.trackline.domain.shipment.SuspectedLoss;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;

/** The relay on moto's real stream of TrackingTable: what each write added is published once, body and attributes. */
class RelayHandlerIT {
    @RegisterExtension
    static final EngineCloud.PerTestClass EMULATOR = new EngineCloud.PerTestClass();

    private final EngineCloud cloud = EMULATOR.cloud();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private EngineCloud.Stack stack;
    private TrackingEngine engine;

    @BeforeEach
    void deploy() {
        stack = cloud.stack();
        engine = TrackingEngine.from(stack.settings(), cloud.clients(stack, List.of()), clock);
    }

    @Test
    void shouldPublishEachAnnouncementOnceWithItsFilterAttributes_whenWritesAreRelayedFromTheStream() {
        // given: a registration, two status changes, and a write that announces nothing (the sweeper re-indexing)
        String id = register();
        track(scan(Status.PICKED_UP, "2026-03-02T09:00:00Z"));
        track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z"));
        engine.shipments().reschedule(engine.shipments().byId(id).orElseThrow());
        StreamRelay relay = new StreamRelay(cloud, stack);
        // when: the stream is relayed, and relayed again once nothing is new
        relay.drain();
        relay.drain();
        // then
        List<Message> published = cloud.drain(stack.eventsQueueUrl());
        assertThat(published).extracting(m -> ShipmentEventCodec.decode(m.body()).trigger())
                .containsExactly(Trigger.PICKED_UP, Trigger.OUT_FOR_DELIVERY);
        Message outForDelivery = published.get(1);
        ShipmentEvent event = ShipmentEventCodec.decode(outForDelivery.body());
        assertThat(event.shipmentId()).isEqualTo(id);
        assertThat(outForDelivery.messageAttributes()).hasEntrySatisfying("trigger",
                a -> assertThat(a.stringValue()).isEqualTo("OUT_FOR_DELIVERY"));
        assertThat(outForDelivery.messageAttributes()).containsKeys("status", "tenantId", "delayed");
    }

    @Test
    void shouldOpenTheCaseOnTheSupportTopic_whenTheSweeperSuspectsALoss() {
        // given: no scan for more than ten days
        register();
        track(scan(Status.IN_TRANSIT, "2026-03-02T09:00:00Z"));
        clock.set(Instant.parse("2026-03-13T09:00:00Z"));
        engine.sweepShipments().sweep(10);
        // when
        new StreamRelay(cloud, stack).drain();
        // then
        assertThat(cloud.drain(stack.supportQueueUrl())).singleElement()
                .satisfies(m -> assertThat(m.messageAttributes().get("type").stringValue()).isEqualTo(SuspectedLoss.TYPE));
    }

    @Test
    void shouldReportTheRecordAndPublishExactlyOnceOnTheRetry_whenSnsPublishFails() {
        // given: SNS refuses the relay's first publish
        register();
        track(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z"));
        FirstPublishFails outage = new FirstPublishFails();
        StreamRelay relay = new StreamRelay(cloud, stack, List.of(outage));
        // when
        int invocations = relay.drain();
        // then: one invocation reported the record failed, the retry from its sequence number published it
        assertThat(outage.refused.get()).isOne();
        assertThat(invocations).isEqualTo(2);
        assertThat(cloud.drain(stack.eventsQueueUrl())).extracting(m -> ShipmentEventCodec.decode(m.body()).trigger())
                .containsExactly(Trigger.OUT_FOR_DELIVERY);
    }

    @Test
    void shouldKeepOnlyTheLastWritesAnnouncementsInTheItem_whenSavesFollowEachOther() {
        // given
        String id = register();
        track(scan(Status.PICKED_UP, "2026-03-02T09:00:00Z"));
        // when
        track(scan(Status.IN_TRANSIT, "2026-03-03T08:00:00Z"));
        // then: no clearing write was needed for the PICKED_UP entry
        var item = cloud.dynamo.getItem(b -> b.tableName(stack.table()).key(Map.of(
                "PK", AttributeValue.fromS("SHIP#" + id), "SK", AttributeValue.fromS("SHIPMENT")))).item();
        assertThat(item.get("outbox").bs()).singleElement().satisfies(entry -> assertThat(
                OutboxItem.announcement(entry.asByteArray()).event().trigger()).isEqualTo(Trigger.IN_TRANSIT));
    }

    private String register() {
        return new EngineWrites(engine).register();
    }

    private void track(io.trackline.domain.tracking.Scan scan) {
        new EngineWrites(engine).track(scan);
    }

    /** SNS unavailable for one publish: the request fails before it leaves. */
    private static final class FirstPublishFails implements ExecutionInterceptor {
        final AtomicInteger refused = new AtomicInteger();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if ("Publish".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
                    && refused.compareAndSet(0, 1)) {
                throw new IllegalStateException("SNS unavailable");
            }
        }
    }
}
