package io.trackline.domain.shipment;

import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Scan;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;

/** PRODUCT.md §2 as properties, against the in-memory port. */
class ShipmentOrderSafetyTest {

    @Property(tries = 300)
    void shouldReachSameState_whateverOrderDuplicationAndBatching(
            @ForAll @Size(min = 1, max = 14) List<@From("scans") Scan> scans,
            @ForAll @Size(max = 4) List<@From("estimates") CarrierEstimate> estimates,
            @ForAll long seed) {
        OrderSafetyProperties.check(n -> new InMemoryEngine(), scans, estimates, seed);
    }

    @Provide
    Arbitrary<Scan> scans() {
        return ScanStreams.scans();
    }

    @Provide
    Arbitrary<CarrierEstimate> estimates() {
        return ScanStreams.estimates();
    }

    /** The use cases on the in-memory port, with a clock that stands still so "delayed" compares. */
    private static final class InMemoryEngine implements OrderSafetyProperties.Engine {
        private final TrackingFixture fixture = new TrackingFixture();

        InMemoryEngine() {
            fixture.clock.set(Instant.parse("2026-03-08T12:00:00Z"));
        }

        @Override
        public String register() {
            return fixture.registerDefault().id();
        }

        @Override
        public void deliver(List<Scan> scans, List<CarrierEstimate> estimates) {
            fixture.trackScans.track(new PackageScans(Scans.CARRIER, Scans.TRACKING, scans, estimates));
        }

        @Override
        public Shipment shipment(String id) {
            return fixture.shipment(id);
        }

        @Override
        public List<TrackedScan> history(String id) {
            return fixture.shipments.history(id);
        }
    }
}
