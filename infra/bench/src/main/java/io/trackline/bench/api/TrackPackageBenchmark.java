package io.trackline.bench.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.api.ApiHandler;
import io.trackline.api.ApiWiring;
import io.trackline.testkit.api.Requests;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.Contact;
import io.trackline.view.shipment.Eta;
import io.trackline.api.application.tracking.PackageRegistration;
import io.trackline.api.application.tracking.Page;
import io.trackline.api.application.tracking.TrackedOrder;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.view.shipment.TrackingEvent;
import io.trackline.api.application.tracking.TrackingQueries;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Warm handling time of "Track package" (GET /v1/me/shipments/{id}) for a shipment with 50 scans, the read port in
 * memory: routing, identity, ownership, the customer texts and the JSON of the response. Target: under 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackPackageBenchmark {
    private ApiHandler handler;
    private APIGatewayV2HTTPEvent event;

    @Setup
    public void setUp() {
        TrackedShipment shipment = shipmentWithScans(50);
        handler = new ApiHandler(new ApiWiring(new InMemoryQueries(shipment), null, null, null, null, null, null, null,
                Duration.ofSeconds(60), null, null, Clock.systemUTC(), false));
        event = Requests.route("GET /v1/me/shipments/{id}").path("id", shipment.id()).customer(shipment.customerId()).build();
        APIGatewayV2HTTPResponse check = handler.handleRequest(event, null);
        if (check.getStatusCode() != 200) throw new IllegalStateException("benchmark request fails: " + check.getBody());
    }

    @Benchmark
    public APIGatewayV2HTTPResponse trackPackage() {
        return handler.handleRequest(event, null);
    }

    static TrackedShipment shipmentWithScans(int count) {
        var events = new ArrayList<TrackingEvent>();
        OffsetDateTime start = OffsetDateTime.parse("2026-11-20T08:00:00-05:00");
        for (int i = count - 1; i >= 0; i--) {
            events.add(new TrackingEvent("k" + i, i == 0 ? Status.PICKED_UP : Status.IN_TRANSIT, start.plusHours(3L * i),
                    "Arrived at facility " + i, new Location("City " + i, "IL", "6270" + (i % 10), "US"), "easypost",
                    "in_transit", null, false));
        }
        var eta = new Eta(LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"),
                List.of(new Eta.Estimate(LocalDate.parse("2026-12-01"), Instant.parse("2026-11-20T13:00:00Z")),
                        new Eta.Estimate(LocalDate.parse("2026-12-03"), Instant.parse("2026-11-25T13:00:00Z"))));
        return new TrackedShipment("shp_4f8Kq2LxT9mZbW1cYd3eRa", "acme", "A-1001", "cust-demo-alice", "ups", "1Z999AA10123456784",
                "Ground", Status.IN_TRANSIT, Milestone.IN_TRANSIT, null, false, false, false, start.plusHours(3L * (count - 1)), eta,
                new Address("Alice Example", "1 Main St", null, "Springfield", "IL", "62701", "US"),
                new Contact("alice@example.com", "+14155550123"), Instant.parse("2026-11-20T12:00:00Z"), count, List.of(), events);
    }

    /** The read port in memory: only the shipment lookup is exercised. */
    private record InMemoryQueries(TrackedShipment shipment) implements TrackingQueries {
        @Override
        public Optional<TrackedShipment> shipment(String shipmentId, int maxEvents) {
            return shipment.id().equals(shipmentId) ? Optional.of(shipment) : Optional.empty();
        }

        @Override
        public List<PackageRegistration> registrations(Carrier carrier, TrackingNumber trackingNumber) {
            return List.of();
        }

        @Override
        public List<TrackedShipment> shipmentsOfOrder(String tenantId, String orderId) {
            return List.of();
        }

        @Override
        public Page<TrackedOrder> ordersOfCustomer(String customerId, int limit, Optional<Map<String, String>> after) {
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public ShipmentNotifications notifications(String shipmentId, int limit, Optional<Map<String, String>> after) {
            return new ShipmentNotifications(Optional.empty(), new Page<>(List.of(), Optional.empty()));
        }
    }
}
