package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.testkit.engine.ItemSize;
import io.trackline.testkit.engine.TypicalShipment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShipmentItemTest {
    private static final TrackingPolicy POLICY = TrackingPolicy.DEFAULT;
    private static final Instant REGISTERED = Instant.parse("2026-03-02T14:07:31.482913Z");
    private static final TrackingNumber TN = TrackingNumber.of("1Z999AA10123456784");

    @ParameterizedTest(name = "{0} scans: at most {1} bytes")
    @CsvSource({"10, 900", "12, 900", "15, 950"})
    void shouldStayWithinOneKilobyte_whenATypicalShipmentIsTrackedOneScanPerWebhook(int checkpoints, int budget) {
        // given a registration with address and contact, a journey with three carrier estimates
        Shipment shipment = registered();
        List<Scan> journey = TypicalShipment.journey(TN, REGISTERED, checkpoints);
        int largest = ItemSize.of(ShipmentItem.full(shipment, POLICY));
        for (int n = 0; n < checkpoints; n++) {
            // when each webhook brings one new scan with the history so far and the estimate, received a bit later
            Instant received = journey.get(n).occurredAt().toInstant().plus(Duration.ofSeconds(134, 517_204_000));
            shipment = shipment.apply(journey.subList(0, n + 1),
                    List.of(TypicalShipment.estimate(journey.get(n), n, checkpoints, REGISTERED)), received, POLICY).after();
            largest = Math.max(largest, ItemSize.of(ShipmentItem.full(shipment, POLICY)));
        }
        // then every version of the item, open (due key) or ended (TTL, terminal instants), stays within the budget
        assertThat(shipment.terminal()).isTrue();
        assertThat(shipment.tracking().eta().history()).hasSize(3);
        assertThat(largest).isLessThanOrEqualTo(budget);
    }

    @Test
    void shouldReadBackWhatItWrote_whenEveryKindOfStateIsPresent() {
        // given a delivered package taken back on a return leg, a repeated estimate and sweeper alerts on the way
        Shipment shipment = registered();
        Instant now = REGISTERED.plus(Duration.ofHours(3));
        shipment = shipment.apply(List.of(scan(Status.IN_TRANSIT, "2026-03-02T16:00:00.250-05:00", true)),
                List.of(new CarrierEstimate(LocalDate.parse("2026-03-05"), now),
                        new CarrierEstimate(LocalDate.parse("2026-03-07"), now.plusSeconds(60))), now, POLICY).after();
        shipment = shipment.check(now.plus(Duration.ofDays(3)), POLICY).after();
        assertThat(shipment.stalled()).isTrue();
        Map<String, AttributeValue> open = ShipmentItem.full(shipment, POLICY);
        assertThat(ShipmentItem.shipment(open)).isEqualTo(shipment);
        // when the estimate goes back to an earlier date, the package is delivered and then returned
        now = now.plus(Duration.ofDays(4));
        shipment = shipment.apply(List.of(scan(Status.DELIVERED, "2026-03-06T11:00:00-05:00", false),
                        scan(Status.RETURN_TO_SENDER, "2026-03-07T09:30:00.123456789-05:00", false)),
                List.of(new CarrierEstimate(LocalDate.parse("2026-03-05"), now)), now, POLICY).after();
        // then the item reads back as the same shipment
        assertThat(shipment.returnLeg()).isTrue();
        assertThat(shipment.tracking().eta().latest()).isNotEqualTo(shipment.tracking().eta().history().getLast());
        Map<String, AttributeValue> ended = ShipmentItem.full(shipment, POLICY);
        assertThat(ShipmentItem.shipment(ended)).isEqualTo(shipment);
        assertThat(ended).containsKeys("latestReturnAt", "firstDeliveredAt", "lastScanAt")
                .doesNotContainKeys("id", "carrier", "trackingNumber", "createdAt", "firstTerminalAt", "statusScanStatus");
        assertThat(ended.get("eta").m().get("latest").s()).isEqualTo("2026-03-05");
    }

    @Test
    void shouldReadTheFormerLayout_whenAnItemWasWrittenBeforeTheCompactEncoding() {
        // given a shipment stored the way the engine wrote it before: ISO instants, hex scan key, 16-byte known scans,
        // ETA history as maps with first and latest repeated, the id as an attribute, flags stored when false
        Instant now = REGISTERED.plus(Duration.ofHours(3));
        Scan scan = scan(Status.DELIVERED, "2026-03-02T16:00:00-05:00", false);
        Shipment shipment = registered().apply(List.of(scan), List.of(new CarrierEstimate(LocalDate.parse("2026-03-05"), now)),
                now, POLICY).after();
        Map<String, AttributeValue> former = new HashMap<>(ShipmentItem.full(shipment, POLICY));
        former.put("statusScanKey", AttributeValue.fromS(scan.key().value()));
        former.put("statusScanStatus", AttributeValue.fromS("DELIVERED"));
        former.put("knownScans", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(HexFormat.of().parseHex(scan.key().value())))));
        former.put("firstTerminalAt", AttributeValue.fromS("2026-03-02T21:00:00Z"));
        former.put("firstDeliveredAt", AttributeValue.fromS("2026-03-02T21:00:00Z"));
        former.put("actionRequired", AttributeValue.fromBool(false));
        former.put("delayed", AttributeValue.fromBool(false));
        Map<String, AttributeValue> estimate = Map.of("date", AttributeValue.fromS("2026-03-05"), "reportedAt", AttributeValue.fromS(now.toString()));
        former.put("id", AttributeValue.fromS(shipment.id()));
        former.put("carrier", AttributeValue.fromS("ups"));
        former.put("trackingNumber", AttributeValue.fromS(TN.value()));
        former.put("createdAt", AttributeValue.fromS(REGISTERED.toString()));
        former.put("lastScanAt", AttributeValue.fromS("2026-03-02T21:00:00Z"));
        former.put("updatedAt", AttributeValue.fromS(now.toString()));
        former.put("eta", AttributeValue.fromM(Map.of("promised", AttributeValue.fromS(shipment.registration().promisedDeliveryDate().toString()),
                "first", AttributeValue.fromS("2026-03-05"), "firstReportedAt", AttributeValue.fromS(now.toString()),
                "latest", AttributeValue.fromS("2026-03-05"), "latestReportedAt", AttributeValue.fromS(now.toString()),
                "history", AttributeValue.fromL(List.of(AttributeValue.fromM(estimate))))));
        // when it is read, then it is the same shipment
        assertThat(ShipmentItem.shipment(former)).isEqualTo(shipment);
    }

    @Test
    void shouldStoreInstantsExactly_whenTheyHaveFractionsOfASecond() {
        // given instants whole, with milliseconds, and with nanoseconds
        for (Instant instant : List.of(Instant.parse("2026-03-02T21:00:00Z"), Instant.parse("2026-03-02T21:00:00.250Z"),
                Instant.parse("2026-03-02T21:00:00.000000001Z"), Instant.parse("1969-12-31T23:59:59.5Z"))) {
            // when stored as epoch seconds and read back
            Map<String, AttributeValue> item = Attributes.item().epoch("at", instant).build();
            // then nothing is lost
            assertThat(Attributes.instant(item, "at")).isEqualTo(instant);
        }
        assertThat(Attributes.item().epoch("at", Instant.parse("2026-03-02T21:00:00Z")).build().get("at").n()).isEqualTo("1772485200");
    }

    private static Shipment registered() {
        return Shipment.register(TypicalShipment.registration("shp_7Hq2LmX9pRt4VbN8cKd3Wz", "ORD-2026-004217", TN, REGISTERED));
    }

    private static Scan scan(Status status, String at, boolean carrierSaysDelayed) {
        return new Scan(TypicalShipment.CARRIER, TN, status, java.time.OffsetDateTime.parse(at), status.name(),
                new Location("Madison", "WI", null, "US"), "aftership", status.name(), null, null, false, carrierSaysDelayed);
    }
}
