package io.trackline.api.http;

import io.trackline.view.json.ShipmentJson;
import io.trackline.view.shipment.Address;
import io.trackline.view.shipment.Audience;
import io.trackline.view.shipment.Contact;
import io.trackline.view.shipment.CustomerTexts;
import io.trackline.view.shipment.Eta;
import io.trackline.api.application.tracking.OrderRef;
import io.trackline.api.application.tracking.OrderSummary;
import io.trackline.view.shipment.TrackedShipment;
import io.trackline.view.shipment.TrackingEvent;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShipmentViewsTest {
    private static final Address HOME = new Address("Alice Example", "1 Main St", null, "Springfield", "IL", "62701", "US");

    @Test
    void shouldHaveAPersonsTextForEveryStatusAndReason_whenShownToCustomers() {
        for (Status status : Status.values()) assertThat(CustomerTexts.status(status)).as(status.name()).isNotBlank();
        for (ExceptionReason reason : ExceptionReason.values()) {
            assertThat(CustomerTexts.exception(reason)).as(reason.name()).isNotBlank();
            assertThat(CustomerTexts.action(reason)).as(reason.name()).isNotBlank();
        }
    }

    @Test
    void shouldSummariseDeliveredCountAndEarliestOpenEta_whenAnOrderHasSeveralShipments() {
        var summary = OrderSummary.of(List.of(
                shipment(Status.DELIVERED, LocalDate.parse("2026-11-20")),
                shipment(Status.IN_TRANSIT, LocalDate.parse("2026-12-05")),
                shipment(Status.OUT_FOR_DELIVERY, LocalDate.parse("2026-12-01"))));

        assertThat(summary.text()).isEqualTo("1 of 3 delivered");
        assertThat(summary.earliestOpenEta()).isEqualTo(LocalDate.parse("2026-12-01"));
    }

    @Test
    void shouldShowNoPersonalData_whenTheAudienceIsPublic() {
        var shipment = shipment(Status.EXCEPTION, LocalDate.parse("2026-12-01"));

        String publicJson = ShipmentJson.shipment(shipment, Audience.PUBLIC, true).toString();
        String ownerJson = ShipmentJson.shipment(shipment, Audience.OWNER, true).toString();
        String tenantJson = ShipmentJson.shipment(shipment, Audience.TENANT, true).toString();

        assertThat(publicJson).doesNotContain("Alice", "Main St", "62701", "alice@example.com", "+14155550123", "shp_1", "cust-1");
        assertThat(ownerJson).contains("Main St", "62701").doesNotContain("alice@example.com", "+14155550123");
        assertThat(tenantJson).contains("alice@example.com", "+14155550123");
        assertThat(ownerJson).contains("The carrier could not use the delivery address.", "Check your delivery address");
    }

    @Test
    void shouldFlagAScanWithAnImplausibleTime_inTheTenantsAndTheCustomersViewsButNotInPublicTracking() {
        var flagged = new TrackingEvent("k2", Status.IN_TRANSIT, OffsetDateTime.parse("2099-01-01T00:00:00Z"),
                "Departed", new Location("Joliet", "IL", "60431", "US"), "native", "IT", null, false, true);
        var shipment = shipment(Status.IN_TRANSIT, null, List.of(flagged, event()));

        for (Audience audience : List.of(Audience.TENANT, Audience.OWNER)) {
            var events = ShipmentJson.shipment(shipment, audience, true).get("events");
            assertThat(events.get(0).get("implausibleTime").asBoolean()).as(audience.name()).isTrue();
            assertThat(events.get(1).get("implausibleTime").asBoolean()).as(audience.name()).isFalse();
        }
        assertThat(ShipmentJson.shipment(shipment, Audience.PUBLIC, true).toString()).doesNotContain("implausibleTime", "2099");
    }

    @Test
    void shouldLetTheAddressChange_onlyBeforeTheCarrierHasThePackage() {
        assertThat(shipment(Status.LABEL_CREATED, null).carrierHasIt()).isFalse();
        assertThat(shipment(Status.UNKNOWN, null).carrierHasIt()).isFalse();
        assertThat(shipment(Status.IN_TRANSIT, null).carrierHasIt()).isTrue();
        assertThat(shipment(Status.CANCELLED, null).carrierHasIt()).isTrue();
    }

    @Test
    void shouldRoundTripTheOrderReference_whenEncodedForCustomers() {
        var ref = new OrderRef("tenant-x", "A-1001");

        assertThat(OrderRef.decode(ref.encoded())).contains(ref);
        assertThat(OrderRef.decode("%%%")).isEmpty();
        assertThat(OrderRef.decode("bm9uZXdsaW5l")).isEmpty();
    }

    private static TrackedShipment shipment(Status status, LocalDate latest) {
        return shipment(status, latest, List.of(event()));
    }

    private static TrackingEvent event() {
        return new TrackingEvent("k", Status.IN_TRANSIT, OffsetDateTime.parse("2026-11-27T08:00:00-05:00"),
                "Signed by Alice", new Location("Springfield", "IL", "62701", "US"), "easypost", "in_transit", null, false);
    }

    private static TrackedShipment shipment(Status status, LocalDate latest, List<TrackingEvent> events) {
        Milestone milestone = status.milestone().orElse(status == Status.EXCEPTION ? Milestone.IN_TRANSIT : null);
        return new TrackedShipment("shp_1", "tenant-x", "o-1", "cust-1", "ups", "1Z999", "Ground", status, milestone,
                status == Status.EXCEPTION ? ExceptionReason.ADDRESS_ISSUE : null, status == Status.EXCEPTION, false,
                status.isTerminal(), null, new Eta(null, null, latest, List.of()), HOME,
                new Contact("alice@example.com", "+14155550123"), Instant.EPOCH, 1, List.of(), events);
    }
}
