package io.trackline.view.shipment;

import io.trackline.view.json.ShipmentJson;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md §9: what the public sees is the carrier's facts only. */
class PublicPackageTest {

    @Test
    void shouldHaveNoFieldForATenantsValue() {
        assertThat(Arrays.stream(PublicPackage.class.getRecordComponents()).map(c -> c.getName()))
                .doesNotContain("service", "orderId", "customerId", "tenantId", "deliveryAddress", "contact", "id",
                        "createdAt", "addressChanges");
        assertThat(Arrays.stream(PublicPackage.CarrierEta.class.getRecordComponents()).map(c -> c.getName()))
                .doesNotContain("promised", "expected");
    }

    @Test
    void shouldShowTheSameJson_whateverTheRegistrationSays_andLeaveOutImplausibleScans() {
        var scan = new TrackingEvent("k1", Status.IN_TRANSIT, OffsetDateTime.parse("2026-11-27T08:00:00-05:00"),
                "Departed", new Location("Joliet", "IL", "60431", "US"), "native", "IT", null, false);
        var future = new TrackingEvent("k2", Status.IN_TRANSIT, OffsetDateTime.parse("2099-01-01T00:00:00Z"),
                "Departed", new Location("Nowhere", "IL", "60431", "US"), "native", "IT", null, false, true);
        var eta = new Eta(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30"), List.of());
        var hijackedEta = new Eta(LocalDate.parse("2020-01-01"), eta.first(), eta.latest(), eta.history());

        String mine = ShipmentJson.publicPackage(PublicPackage.of(shipment("Ground", eta, List.of(future, scan)))).toString();
        String hijacked = ShipmentJson.publicPackage(PublicPackage.of(shipment("HIJACKED", hijackedEta, List.of(future, scan)))).toString();

        assertThat(hijacked).isEqualTo(mine).doesNotContain("HIJACKED", "2020-01-01", "Nowhere", "2099", "60431");
        assertThat(mine).contains("Joliet");
    }

    private static TrackedShipment shipment(String service, Eta eta, List<TrackingEvent> events) {
        return new TrackedShipment("shp_1", "tenant-x", "o-1", "cust-1", "ups", "1Z999", service, Status.IN_TRANSIT,
                null, null, false, false, false, null, eta, null, null, Instant.EPOCH, 1, List.of(), events);
    }
}
