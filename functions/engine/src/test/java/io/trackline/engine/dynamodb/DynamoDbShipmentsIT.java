package io.trackline.engine.dynamodb;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.trackline.aws.AwsClients;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.OrderSafetyProperties;
import io.trackline.domain.shipment.RecordingAnnouncer;
import io.trackline.domain.shipment.ScanStreams;
import io.trackline.domain.shipment.Scans;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.ShipmentUpdate;
import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.MutableClock;
import io.trackline.domain.shipment.port.ConcurrentUpdateException;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.RegisterShipment;
import io.trackline.domain.shipment.usecase.SweepShipments;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.emulator.StreamEventSource;
import io.trackline.testkit.engine.EngineCloud;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The repository port on DynamoDB (moto): the same order-safety property as in memory, races, registration, TTL. */
class DynamoDbShipmentsIT {
    private static EngineCloud cloud;

    @BeforeContainer
    static void startEmulator() {
        cloud = EngineCloud.start();
    }

    @AfterContainer
    static void stopEmulator() {
        cloud.close();
    }

    /**
     * The use cases on DynamoDB with a fresh table, a clock that stands still, and the announcement relay on the table's
     * stream (as the relay function runs it, publishing to a recording announcer instead of SNS).
     */
    static final class Engine implements OrderSafetyProperties.Engine {
        final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T12:00:00Z"));
        final EngineCloud.Stack stack = cloud.stack();
        final AwsClients clients = cloud.clients(stack, List.of(new SerialisedAccess()));
        final DynamoDbShipments shipments = new DynamoDbShipments(clients.dynamoDb(), stack.table(), TrackingPolicy.DEFAULT, clock);
        private final RecordingAnnouncer announcer = new RecordingAnnouncer();
        private final AnnouncementRelay relay = new AnnouncementRelay(announcer);
        private final StreamEventSource stream = StreamEventSource.of(clients.dynamoDb(), clients.dynamoDbStreams(),
                stack.table());
        final TrackScans trackScans = new TrackScans(shipments, TrackingPolicy.DEFAULT, clock);
        private int ids;
        final RegisterShipment register = new RegisterShipment(shipments, TrackingPolicy.DEFAULT, clock,
                () -> "shp_" + (++ids));

        /** What the relay has published once the stream is drained. */
        RecordingAnnouncer published() {
            stream.drain(event -> {
                event.getRecords().forEach(r -> relay.relay(StreamedOutbox.before(r.getDynamodb()),
                        StreamedOutbox.after(r.getDynamodb())));
                return new StreamsEventResponse(List.of());
            });
            return announcer;
        }

        @Override
        public String register() {
            var r = Scans.registration("unused");
            return register.register(new RegisterShipment.Command(r.tenantId(), r.orderId(), r.customerId(), r.carrier(),
                    r.trackingNumber(), r.service(), r.promisedDeliveryDate(), r.deliveryAddress(), r.contact())).shipment().id();
        }

        @Override
        public void deliver(List<Scan> scans, List<CarrierEstimate> estimates) {
            trackScans.track(new PackageScans(Scans.CARRIER, Scans.TRACKING, scans, estimates));
        }

        @Override
        public Shipment shipment(String id) {
            return shipments.byId(id).orElseThrow();
        }

        @Override
        public List<TrackedScan> history(String id) {
            return shipments.history(id);
        }
    }

    @Property(tries = 6)
    void shouldReachSameState_whateverOrderDuplicationAndBatching_onDynamoDb(
            @ForAll @Size(min = 1, max = 7) List<@From("scans") Scan> scans,
            @ForAll @Size(max = 3) List<@From("estimates") CarrierEstimate> estimates,
            @ForAll long seed) {
        OrderSafetyProperties.check(n -> new Engine(), scans, estimates, seed);
    }

    @Provide
    Arbitrary<Scan> scans() {
        return ScanStreams.scans();
    }

    @Provide
    Arbitrary<CarrierEstimate> estimates() {
        return ScanStreams.estimates();
    }

    @Example
    void shouldRejectStaleSave_whenAnotherWriterSavedFirst() {
        // given: two processors read version 1
        Engine engine = new Engine();
        String id = engine.register();
        Shipment stale = engine.shipments.byId(id).orElseThrow();
        engine.deliver(List.of(scan(Status.PICKED_UP, "2026-03-02T10:00:00Z")), List.of());
        // when: the slower one saves what it computed from the stale read
        ShipmentUpdate late = stale.apply(List.of(scan(Status.IN_TRANSIT, "2026-03-03T10:00:00Z")), List.of(),
                engine.clock.instant(), TrackingPolicy.DEFAULT);
        // then
        assertThatThrownBy(() -> engine.shipments.save(late)).isInstanceOf(ConcurrentUpdateException.class);
        assertThat(engine.shipment(id).status()).isEqualTo(Status.PICKED_UP);
    }

    @Example
    void shouldLoseNothing_whenTwoProcessorsApplyInterleavedScansConcurrently() throws Exception {
        // given
        Engine engine = new Engine();
        String id = engine.register();
        List<Scan> odd = new ArrayList<>();
        List<Scan> even = new ArrayList<>();
        OffsetDateTime start = OffsetDateTime.parse("2026-03-02T10:00:00Z");
        for (int i = 0; i < 12; i++) {
            (i % 2 == 0 ? even : odd).add(scan(i < 11 ? Status.IN_TRANSIT : Status.OUT_FOR_DELIVERY,
                    start.plusHours(i).toString(), "Hub" + i));
        }
        // when: two processors each apply their half one scan per batch, at the same time
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> runs = new ArrayList<>();
        for (List<Scan> half : List.of(odd, even)) {
            runs.add(pool.submit(() -> half.forEach(s -> engine.deliver(List.of(s), List.of()))));
        }
        for (Future<?> run : runs) run.get();
        pool.shutdown();
        // then
        Shipment shipment = engine.shipment(id);
        assertThat(engine.history(id)).hasSize(12);
        assertThat(shipment.tracking().knownScans()).hasSize(12);
        assertThat(shipment.status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(engine.published().triggers()).contains(Trigger.IN_TRANSIT, Trigger.OUT_FOR_DELIVERY)
                .doesNotHaveDuplicates();
    }

    @Example
    void shouldAttachUnregisteredScansAndCreateOrder_whenShipmentIsRegistered() {
        // given: the carrier reports the package before the seller registers it
        Engine engine = new Engine();
        engine.deliver(List.of(scan(Status.PICKED_UP, "2026-03-02T07:00:00Z")), List.of());
        // when
        String id = engine.register();
        String again = engine.register();
        // then
        assertThat(again).isEqualTo(id);
        assertThat(engine.shipment(id).status()).isEqualTo(Status.PICKED_UP);
        assertThat(engine.history(id)).hasSize(1);
        var order = cloud.dynamo.getItem(b -> b.tableName(engine.stack.table()).key(Map.of(
                "PK", AttributeValue.fromS("ORDER#tenant-1#order-1"), "SK", AttributeValue.fromS("ORDER")))).item();
        assertThat(order.get("shipmentIds").ss()).containsExactly(id);
        assertThat(order.get("GSI2PK").s()).isEqualTo("CUSTOMER#customer-1");
    }

    @Example
    void shouldSetTtlAndLeaveDueIndex_whenShipmentEnds() {
        // given
        Engine engine = new Engine();
        String id = engine.register();
        var key = Map.of("PK", AttributeValue.fromS("SHIP#" + id), "SK", AttributeValue.fromS("SHIPMENT"));
        assertThat(cloud.dynamo.getItem(b -> b.tableName(engine.stack.table()).key(key)).item()).containsKey("GSI3PK");
        // when
        Instant storedAt = engine.clock.instant();
        engine.deliver(List.of(scan(Status.DELIVERED, "2026-03-04T14:00:00Z")), List.of());
        // then the retention counts from the save, not from the carrier's scan time
        var item = cloud.dynamo.getItem(b -> b.tableName(engine.stack.table()).key(key)).item();
        assertThat(item).doesNotContainKeys("GSI3PK", "GSI3SK");
        assertThat(Long.parseLong(item.get("expiresAt").n()))
                .isEqualTo(storedAt.plus(TrackingPolicy.DEFAULT.retention()).getEpochSecond());
        assertThat(item.get("terminal").bool()).isTrue();
        assertThat(item.get("outbox").bs()).as("the last write's announcements only").singleElement()
                .satisfies(entry -> assertThat(OutboxItem.announcement(entry.asByteArray()).event().trigger())
                        .isEqualTo(Trigger.DELIVERED));
    }

    @Example
    void shouldKeepAnEarlierDueKey_whenTheNextCheckMovesLater_andTheSweeperReindexesIt_whenItFindsNothingDue() {
        // given a shipment registered on 2 March: stalled check due on the 4th
        Engine engine = new Engine();
        engine.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        String id = engine.register();
        Instant registeredKey = dueKey(engine, id);
        assertThat(registeredKey).isEqualTo(Instant.parse("2026-03-04T08:00:00Z"));
        // when a scan on the 3rd moves the next check to the 5th
        engine.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        engine.deliver(List.of(scan(Status.IN_TRANSIT, "2026-03-03T08:00:00Z")), List.of());
        // then the stored key stays (earlier than needed, never later)
        assertThat(engine.shipment(id).nextCheckAt(TrackingPolicy.DEFAULT)).contains(Instant.parse("2026-03-05T08:00:00Z"));
        assertThat(dueKey(engine, id)).isEqualTo(registeredKey);
        // when the sweeper finds it on the 4th with nothing due
        engine.clock.set(Instant.parse("2026-03-04T09:00:00Z"));
        int announcedBefore = engine.published().events().size();
        var result = new SweepShipments(engine.shipments, TrackingPolicy.DEFAULT, engine.clock).sweep(10);
        // then nothing is announced and it is indexed at its next check
        assertThat(result.checked()).isEqualTo(1);
        assertThat(result.announcements()).isZero();
        assertThat(engine.published().events()).hasSize(announcedBefore);
        assertThat(dueKey(engine, id)).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
        assertThat(engine.shipments.due(engine.clock.instant(), 10)).isEmpty();
    }

    @Example
    void shouldMoveTheDueKey_whenTheNextCheckComesSooner() {
        // given a shipment whose next check is the stalled check on the 4th
        Engine engine = new Engine();
        engine.clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        String id = engine.register();
        // when the carrier estimates delivery on the 2nd: due deadline the 3rd at noon
        engine.clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        engine.deliver(List.of(scan(Status.PICKED_UP, "2026-03-02T08:30:00Z")), List.of(new CarrierEstimate(
                java.time.LocalDate.parse("2026-03-02"), Instant.parse("2026-03-02T08:30:00Z"))));
        // then the key moves earlier, so the sweeper looks in time
        assertThat(engine.shipment(id).nextCheckAt(TrackingPolicy.DEFAULT)).contains(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(dueKey(engine, id)).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(engine.shipments.due(Instant.parse("2026-03-03T12:00:00Z"), 10)).containsExactly(id);
    }

    /** GSI3's sort key: epoch seconds, fixed width (README "Data model"). */
    private static Instant dueKey(Engine engine, String id) {
        var key = Map.of("PK", AttributeValue.fromS("SHIP#" + id), "SK", AttributeValue.fromS("SHIPMENT"));
        String sk = cloud.dynamo.getItem(b -> b.tableName(engine.stack.table()).key(key)).item().get("GSI3SK").s();
        assertThat(sk).matches("[0-9]{10}");
        return Instant.ofEpochSecond(Long.parseLong(sk));
    }
}
