package io.trackline.domain.shipment;

import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRODUCT.md §9: a carrier time is plausible only in [receivedAt − 365 days, receivedAt + 1 h]. Inside, a scan is
 * applied as before; outside, it lands in the history once, flagged, and changes no status, milestone or activity time.
 */
class ScanTimeWindowTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-05T12:00:00Z");
    private static final long HOUR = 3600;
    private static final long YEAR = 365 * 86400L;
    private static final TrackingPolicy POLICY = TrackingPolicy.DEFAULT;

    @Property(tries = 400)
    void shouldApplyInsideAndFlagOutside_whateverTheOffsetFromReceipt(
            @ForAll("offsets") long secondsFromReceipt, @ForAll("zones") ZoneOffset carrierOffset,
            @ForAll("statuses") Status status) {
        OffsetDateTime occurredAt = RECEIVED.plusSeconds(secondsFromReceipt).atOffset(carrierOffset);
        Scan scan = Scans.scan(status, occurredAt.toString());
        boolean inside = secondsFromReceipt <= HOUR && secondsFromReceipt >= -YEAR;

        Fixture windowed = new Fixture();
        Fixture unchecked = new Fixture();
        Shipment before = windowed.shipment();
        windowed.receive(scan, RECEIVED);
        windowed.receive(scan, RECEIVED.plusSeconds(60)); // a re-send: still once in the history
        unchecked.applyWithoutReceipt(scan);

        assertThat(POLICY.plausible(occurredAt, RECEIVED)).isEqualTo(inside);
        List<TrackedScan> history = windowed.fixture.shipments.history(windowed.id);
        assertThat(history).filteredOn(t -> t.scan().key().equals(scan.key())).singleElement()
                .satisfies(t -> assertThat(t.implausibleTime()).isEqualTo(!inside));
        Shipment after = windowed.shipment();
        if (inside) {
            assertThat(after.tracking()).isEqualTo(unchecked.shipment().tracking());
            assertThat(after.delayed()).isEqualTo(unchecked.shipment().delayed());
        } else {
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.milestone()).isEqualTo(before.milestone());
            assertThat(after.terminal()).isEqualTo(before.terminal());
            assertThat(after.tracking().lastScanAt()).isEqualTo(before.tracking().lastScanAt());
            assertThat(after.tracking().statusOccurredAt()).isEqualTo(before.tracking().statusOccurredAt());
            assertThat(after.tracking().knows(scan.key())).isTrue();
            assertThat(after.nextCheckAt(POLICY)).isEqualTo(before.nextCheckAt(POLICY));
        }
    }

    @Example
    void shouldNotFreezeTheStatus_whenAScanSaysItHappensIn2099() {
        Fixture f = new Fixture();
        f.receive(Scans.scan(Status.IN_TRANSIT, "2099-01-01T00:00:00Z"), RECEIVED);
        f.receive(Scans.scan(Status.OUT_FOR_DELIVERY, "2026-03-05T07:30:00-05:00"), RECEIVED);

        assertThat(f.shipment().status()).isEqualTo(Status.OUT_FOR_DELIVERY);
        assertThat(f.fixture.announcer.triggers()).contains(Trigger.forStatus(Status.OUT_FOR_DELIVERY));
    }

    @Example
    void shouldOpenNoLostCase_whenAScanSaysItHappenedIn1970() {
        // a shipment with no scan yet, so nothing but the 1970 scan could move its activity time
        TrackingFixture f = new TrackingFixture();
        String id = f.registerDefault().id();
        f.clock.set(RECEIVED);
        f.trackScans.track(PackageScans.of(List.of(new ScanReport("native", "d-1970", RECEIVED, Scans.CARRIER,
                Scans.TRACKING, List.of(Scans.scan(Status.IN_TRANSIT, "1970-01-01T00:00:00Z")), Optional.empty()))));
        f.clock.set(RECEIVED.plus(Duration.ofHours(1)));

        f.sweep.sweep(100);

        assertThat(f.shipments.cases()).isEmpty();
        assertThat(f.shipment(id).suspectedLost()).isFalse();
        assertThat(f.shipment(id).tracking().lastScanAt()).isNull();
        assertThat(f.shipments.history(id)).singleElement().satisfies(t -> assertThat(t.implausibleTime()).isTrue());
    }

    @Example
    void shouldTakeTheBoundsAsPlausible_andASecondBeyondAsNot() {
        assertThat(POLICY.plausible(OffsetDateTime.parse("2026-03-05T14:00:00+01:00"), RECEIVED)).isTrue();
        assertThat(POLICY.plausible(OffsetDateTime.parse("2026-03-05T14:00:01+01:00"), RECEIVED)).isFalse();
        assertThat(POLICY.plausible(OffsetDateTime.parse("2025-03-05T02:00:00-10:00"), RECEIVED)).isTrue();
        assertThat(POLICY.plausible(OffsetDateTime.parse("2025-03-05T01:59:59-10:00"), RECEIVED)).isFalse();
    }

    @Provide
    Arbitrary<Long> offsets() {
        Arbitrary<Long> wide = Arbitraries.longs().between(-57 * YEAR, 75 * YEAR);
        Arbitrary<Long> nearFuture = Arbitraries.longs().between(HOUR - 120, HOUR + 120);
        Arbitrary<Long> nearPast = Arbitraries.longs().between(-YEAR - 120, -YEAR + 120);
        Arbitrary<Long> recent = Arbitraries.longs().between(-30 * 86400L, HOUR);
        return Arbitraries.oneOf(wide, nearFuture, nearPast, recent);
    }

    @Provide
    Arbitrary<ZoneOffset> zones() {
        return Arbitraries.integers().between(-12 * 4, 14 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900));
    }

    @Provide
    Arbitrary<Status> statuses() {
        return Arbitraries.of(Status.PICKED_UP, Status.IN_TRANSIT, Status.OUT_FOR_DELIVERY, Status.EXCEPTION,
                Status.DELIVERED, Status.RETURN_TO_SENDER);
    }

    /** A registered shipment with one IN_TRANSIT scan, the clock at the report's receipt. */
    private static final class Fixture {
        final TrackingFixture fixture = new TrackingFixture();
        final String id;

        Fixture() {
            id = fixture.registerDefault().id();
            fixture.clock.set(RECEIVED);
            receive(Scans.scan(Status.IN_TRANSIT, "2026-03-03T10:00:00Z"), Instant.parse("2026-03-03T10:05:00Z"));
        }

        void receive(Scan scan, Instant receivedAt) {
            fixture.trackScans.track(PackageScans.of(List.of(new ScanReport("native", "d-" + receivedAt, receivedAt,
                    Scans.CARRIER, Scans.TRACKING, List.of(scan), Optional.empty()))));
        }

        void applyWithoutReceipt(Scan scan) {
            fixture.trackScans.track(new PackageScans(Scans.CARRIER, Scans.TRACKING, List.of(scan), List.of()));
        }

        Shipment shipment() {
            return fixture.shipment(id);
        }
    }
}
