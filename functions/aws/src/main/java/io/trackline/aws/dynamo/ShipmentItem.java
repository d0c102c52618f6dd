package io.trackline.aws.dynamo;

import io.trackline.domain.shipment.Alerts;
import io.trackline.domain.shipment.Contact;
import io.trackline.domain.shipment.DeliveryAddress;
import io.trackline.domain.shipment.Eta;
import io.trackline.domain.shipment.Registration;
import io.trackline.domain.shipment.Shipment;
import io.trackline.domain.shipment.StatusScan;
import io.trackline.domain.shipment.TrackingPolicy;
import io.trackline.domain.shipment.TrackingState;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.trackline.aws.dynamo.Attributes.bool;
import static io.trackline.aws.dynamo.Attributes.nested;
import static io.trackline.aws.dynamo.Attributes.number;
import static io.trackline.aws.dynamo.Attributes.string;
import static io.trackline.aws.dynamo.Attributes.stringOrNull;

/**
 * The shipment item (README "Data model"): registration, current state, {@code version}, and
 * the keys of GSI1 (by tracking number), GSI2 (by order) and the sparse GSI3 (due for the sweeper, open shipments only).
 */
final class ShipmentItem {
    /** Every attribute the engine owns; written on each save, removed when absent. Registration data is written once. */
    static final List<String> STATE = List.of("status", "milestone", "exceptionReason", "actionRequired", "delayed",
            "terminal", "returnLeg", "stalled", "suspectedLost", "statusOccurredAt", "statusScanKey", "statusScanStatus",
            "statusActionRequired", "carrierDelayed", "firstTerminalAt", "firstDeliveredAt", "latestReturnAt", "lastScanAt",
            "eta", "knownScans", "delayedFor", "stalledFor", "lostFor", "updatedAt", "version", "expiresAt", "GSI3PK", "GSI3SK");

    private ShipmentItem() {
    }

    static Map<String, AttributeValue> full(Shipment shipment, TrackingPolicy policy) {
        Registration r = shipment.registration();
        DeliveryAddress a = r.deliveryAddress();
        Map<String, AttributeValue> item = new HashMap<>(Attributes.item()
                .s(TrackingTable.PK, TrackingTable.shipmentPk(r.id()))
                .s(TrackingTable.SK, TrackingTable.SHIPMENT_SK)
                .s("GSI1PK", TrackingTable.trackPk(r.carrier(), r.trackingNumber()))
                .s("GSI1SK", TrackingTable.shipmentPk(r.id()))
                .s("GSI2PK", TrackingTable.orderPk(r.tenantId(), r.orderId()))
                .s("GSI2SK", "SHIP#" + r.createdAt() + '#' + r.id())
                .s("id", r.id())
                .s("tenantId", r.tenantId())
                .s("orderId", r.orderId())
                .s("customerId", r.customerId())
                .s("carrier", r.carrier().code())
                .s("trackingNumber", r.trackingNumber().value())
                .s("service", r.service())
                .map("deliveryAddress", a == null ? Attributes.item() : Attributes.item().s("name", a.name())
                        .s("line1", a.line1()).s("line2", a.line2()).s("city", a.city()).s("region", a.region())
                        .s("postalCode", a.postalCode()).s("country", a.country()))
                .map("contact", Attributes.item().s("email", r.contact().email()).s("phone", r.contact().phone()))
                .s("createdAt", r.createdAt())
                .build());
        item.putAll(state(shipment, policy));
        return item;
    }

    /**
     * The engine-owned attributes that have a value; the others in {@link #STATE} are to be removed. Bookkeeping flags
     * only the engine reads are stored only when true (absent reads as false): the item is billed per started KB.
     */
    static Map<String, AttributeValue> state(Shipment shipment, TrackingPolicy policy) {
        TrackingState t = shipment.tracking();
        StatusScan s = t.statusScan();
        Alerts alerts = t.alerts();
        Optional<Instant> nextCheck = shipment.nextCheckAt(policy);
        return Attributes.item()
                .s("status", shipment.status())
                .s("milestone", shipment.milestone())
                .s("exceptionReason", t.exceptionReason())
                .bool("actionRequired", t.actionRequired())
                .bool("delayed", shipment.delayed())
                .bool("terminal", shipment.terminal())
                .flag("returnLeg", shipment.returnLeg())
                .flag("stalled", shipment.stalled())
                .flag("suspectedLost", shipment.suspectedLost())
                .s("statusOccurredAt", s == null ? null : s.occurredAt())
                .s("statusScanKey", s == null ? null : s.key().value())
                .s("statusScanStatus", s == null ? null : s.status())
                .flag("statusActionRequired", s != null && s.actionRequired())
                .flag("carrierDelayed", s != null && s.carrierSaysDelayed())
                .s("firstTerminalAt", t.firstTerminalAt())
                .s("firstDeliveredAt", t.firstDeliveredAt())
                .s("latestReturnAt", t.latestReturnAt())
                .s("lastScanAt", t.lastScanAt())
                .map("eta", eta(t.eta()))
                .put("knownScans", t.knownScans().isEmpty() ? null : AttributeValue.fromBs(t.knownScans().stream()
                        .map(k -> SdkBytes.fromByteArray(HexFormat.of().parseHex(k.value()))).toList()))
                .s("delayedFor", alerts.delayedFor())
                .s("stalledFor", alerts.stalledFor())
                .s("lostFor", alerts.lostFor())
                .s("updatedAt", shipment.updatedAt())
                .n("version", shipment.version())
                .n("expiresAt", shipment.expiresAt(policy).map(Instant::getEpochSecond).orElse(null))
                .s("GSI3PK", nextCheck.map(at -> TrackingTable.duePk(shipment.id())).orElse(null))
                .s("GSI3SK", nextCheck.map(at -> TrackingTable.dueSk(at, shipment.id())).orElse(null))
                .build();
    }

    private static Attributes eta(Eta eta) {
        return Attributes.item()
                .s("promised", eta.promised())
                .s("first", eta.first() == null ? null : eta.first().date())
                .s("firstReportedAt", eta.first() == null ? null : eta.first().reportedAt())
                .s("latest", eta.latest() == null ? null : eta.latest().date())
                .s("latestReportedAt", eta.latest() == null ? null : eta.latest().reportedAt())
                .put("history", AttributeValue.fromL(eta.history().stream()
                        .map(e -> AttributeValue.fromM(Attributes.item().s("date", e.date()).s("reportedAt", e.reportedAt()).build()))
                        .toList()));
    }

    static Shipment shipment(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> etaItem = nested(item, "eta");
        Map<String, AttributeValue> address = nested(item, "deliveryAddress");
        Map<String, AttributeValue> contact = nested(item, "contact");
        LocalDate promised = string(etaItem, "promised").map(LocalDate::parse).orElse(null);
        Registration registration = new Registration(stringOrNull(item, "id"), stringOrNull(item, "tenantId"),
                stringOrNull(item, "orderId"), stringOrNull(item, "customerId"), Carrier.of(stringOrNull(item, "carrier")),
                TrackingNumber.of(stringOrNull(item, "trackingNumber")), stringOrNull(item, "service"), promised,
                address.isEmpty() ? null : new DeliveryAddress(stringOrNull(address, "name"), stringOrNull(address, "line1"),
                        stringOrNull(address, "line2"), stringOrNull(address, "city"), stringOrNull(address, "region"),
                        stringOrNull(address, "postalCode"), stringOrNull(address, "country")),
                new Contact(stringOrNull(contact, "email"), stringOrNull(contact, "phone")),
                Instant.parse(stringOrNull(item, "createdAt")));
        StatusScan statusScan = string(item, "statusScanKey").map(key -> new StatusScan(
                Status.valueOf(stringOrNull(item, "statusScanStatus")),
                OffsetDateTime.parse(stringOrNull(item, "statusOccurredAt")), new ScanKey(key),
                string(item, "exceptionReason").map(ExceptionReason::valueOf).orElse(null),
                bool(item, "statusActionRequired"), bool(item, "carrierDelayed"))).orElse(null);
        AttributeValue known = item.get("knownScans");
        Set<ScanKey> knownScans = known == null || !known.hasBs() ? Set.of() : known.bs().stream()
                .map(b -> new ScanKey(HexFormat.of().formatHex(b.asByteArray()))).collect(Collectors.toSet());
        TrackingState tracking = new TrackingState(statusScan,
                string(item, "milestone").map(Milestone::valueOf).orElse(Milestone.LABEL_CREATED),
                instant(item, "firstTerminalAt"), instant(item, "firstDeliveredAt"), instant(item, "latestReturnAt"),
                instant(item, "lastScanAt"), eta(etaItem, promised), knownScans,
                new Alerts(string(item, "delayedFor").map(LocalDate::parse).orElse(null), instant(item, "stalledFor"),
                        instant(item, "lostFor")));
        return new Shipment(registration, tracking, bool(item, "delayed"), number(item, "version"),
                string(item, "updatedAt").map(Instant::parse).orElse(registration.createdAt()));
    }

    private static Eta eta(Map<String, AttributeValue> eta, LocalDate promised) {
        Function<String, CarrierEstimate> estimate = name -> string(eta, name).map(date -> new CarrierEstimate(
                LocalDate.parse(date), Instant.parse(stringOrNull(eta, name + "ReportedAt")))).orElse(null);
        AttributeValue history = eta.get("history");
        List<CarrierEstimate> entries = history == null || !history.hasL() ? List.of() : history.l().stream()
                .map(v -> new CarrierEstimate(LocalDate.parse(stringOrNull(v.m(), "date")),
                        Instant.parse(stringOrNull(v.m(), "reportedAt"))))
                .toList();
        return new Eta(promised, estimate.apply("first"), estimate.apply("latest"), entries);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return string(item, name).map(Instant::parse).orElse(null);
    }
}
