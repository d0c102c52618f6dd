package io.trackline.engine.dynamodb;

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
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.trackline.engine.dynamodb.Attributes.bool;
import static io.trackline.engine.dynamodb.Attributes.instant;
import static io.trackline.engine.dynamodb.Attributes.nested;
import static io.trackline.engine.dynamodb.Attributes.number;
import static io.trackline.engine.dynamodb.Attributes.string;
import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * The shipment item (README "Data model"): registration, current state, {@code version}, and the keys of GSI1 (by
 * tracking number), GSI2 (by order) and the sparse GSI3 (due for the sweeper, open shipments only). The shipment id,
 * its package and its registration time are stored only in those keys. The one codec of the item: the engine writes
 * and reads it whole, every other function reads it through {@link #view}.
 */
public final class ShipmentItem {
    /** Every attribute the engine owns; written on each save, removed when absent. Registration data is written once. */
    static final List<String> STATE = List.of("status", "milestone", "exceptionReason", "actionRequired", "delayed",
            "terminal", "returnLeg", "stalled", "suspectedLost", "statusOccurredAt", "statusScanKey", "statusScanStatus",
            "statusActionRequired", "carrierDelayed", "firstTerminalAt", "firstDeliveredAt", "latestReturnAt", "lastScanAt",
            "eta", "knownScans", "delayedFor", "stalledFor", "lostFor", "updatedAt", "version", "expiresAt", "GSI3PK", "GSI3SK");

    private ShipmentItem() {
    }

    /**
     * The API's address change: one update of the customer's shipment, conditional on the version they saw, that sets
     * the address, appends the change (both as the view module encodes them) and bumps {@code version}, so an engine
     * save that read the old version fails its own condition and re-reads. It touches nothing the engine owns but
     * {@code version} and {@code updatedAt}.
     */
    public static UpdateItemRequest addressChange(String table, String shipmentId, String customerId, long expectedVersion,
                                                  AttributeValue address, AttributeValue change, Instant changedAt) {
        return UpdateItemRequest.builder().tableName(table).key(TrackingTable.shipmentKey(shipmentId))
                .updateExpression("SET deliveryAddress = :address, #version = #version + :one, updatedAt = :now, "
                        + "addressChanges = list_append(if_not_exists(addressChanges, :none), :change)")
                .conditionExpression("#version = :expected AND customerId = :customer")
                .expressionAttributeNames(Map.of("#version", "version"))
                .expressionAttributeValues(Map.of(":address", address, ":one", AttributeValue.fromN("1"),
                        ":now", AttributeValue.fromN(Attributes.epochSeconds(changedAt)), ":none", AttributeValue.fromL(List.of()),
                        ":change", AttributeValue.fromL(List.of(change)),
                        ":expected", AttributeValue.fromN(Long.toString(expectedVersion)), ":customer", AttributeValue.fromS(customerId)))
                .build();
    }

    static Map<String, AttributeValue> full(Shipment shipment, TrackingPolicy policy) {
        Registration r = shipment.registration();
        DeliveryAddress a = r.deliveryAddress();
        Map<String, AttributeValue> item = new HashMap<>(Attributes.item()
                .s(TrackingTable.PK, TrackingTable.shipmentPk(r.id()))
                .s(TrackingTable.SK, TrackingTable.SHIPMENT_SK)
                .s("GSI1PK", TrackingTable.trackPk(r.carrier(), r.trackingNumber()))
                .s("GSI1SK", TrackingTable.packageEntrySk())
                .s("GSI2PK", TrackingTable.orderPk(r.tenantId(), r.orderId()))
                .s("GSI2SK", TrackingTable.orderEntrySk(r.createdAt()))
                .s("tenantId", r.tenantId())
                .s("orderId", r.orderId())
                .s("customerId", r.customerId())
                .s("service", r.service())
                .map("deliveryAddress", a == null ? Attributes.item() : Attributes.item().s("name", a.name())
                        .s("line1", a.line1()).s("line2", a.line2()).s("city", a.city()).s("region", a.region())
                        .s("postalCode", a.postalCode()).s("country", a.country()))
                .map("contact", Attributes.item().s("email", r.contact().email()).s("phone", r.contact().phone()))
                .build());
        item.putAll(state(shipment, policy));
        return item;
    }

    /**
     * The engine-owned attributes that have a value; the others in {@link #STATE} are to be removed. The item is billed
     * per started KB on every save, so the encoding is compact (README "Data model"): flags are stored only when true
     * (absent reads as false); what another attribute already says is left out (the status scan's status unless it
     * differs from {@code status}, {@code firstTerminalAt} unless it differs from {@code firstDeliveredAt},
     * {@code lastScanAt} unless it differs from {@code statusOccurredAt}, the status scan's fingerprint); the status
     * scan key as 16 bytes, known scans as 8-byte fingerprints, instants as epoch seconds, the ETA as in
     * {@link EtaAttribute}.
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
                .flag("actionRequired", t.actionRequired())
                .flag("delayed", shipment.delayed())
                .flag("terminal", shipment.terminal())
                .flag("returnLeg", shipment.returnLeg())
                .flag("stalled", shipment.stalled())
                .flag("suspectedLost", shipment.suspectedLost())
                .s("statusOccurredAt", s == null ? null : s.occurredAt())
                .put("statusScanKey", s == null ? null
                        : AttributeValue.fromB(SdkBytes.fromByteArray(HexFormat.of().parseHex(s.key().value()))))
                .s("statusScanStatus", s == null || s.status() == shipment.status() ? null : s.status())
                .flag("statusActionRequired", s != null && s.actionRequired())
                .flag("carrierDelayed", s != null && s.carrierSaysDelayed())
                .epoch("firstTerminalAt", Objects.equals(t.firstTerminalAt(), t.firstDeliveredAt()) ? null : t.firstTerminalAt())
                .epoch("firstDeliveredAt", t.firstDeliveredAt())
                .epoch("latestReturnAt", t.latestReturnAt())
                .epoch("lastScanAt", s != null && s.occurredAt().toInstant().equals(t.lastScanAt()) ? null : t.lastScanAt())
                .map("eta", EtaAttribute.encode(t.eta()))
                .put("knownScans", knownScans(t.knownScans(), s))
                .s("delayedFor", alerts.delayedFor())
                .epoch("stalledFor", alerts.stalledFor())
                .epoch("lostFor", alerts.lostFor())
                .epoch("updatedAt", shipment.updatedAt())
                .n("version", shipment.version())
                .n("expiresAt", shipment.expiresAt(policy).map(Instant::getEpochSecond).orElse(null))
                .s("GSI3PK", nextCheck.map(at -> TrackingTable.duePk(shipment.id())).orElse(null))
                .s("GSI3SK", nextCheck.map(TrackingTable::dueSk).orElse(null))
                .build();
    }

    /**
     * A binary set of the 8-byte scan fingerprints but the status scan's, which {@code statusScanKey} begins with (a set
     * cannot be empty: absent then).
     */
    private static AttributeValue knownScans(Set<Long> fingerprints, StatusScan statusScan) {
        List<SdkBytes> stored = fingerprints.stream().filter(f -> statusScan == null || f != statusScan.key().fingerprint())
                .map(f -> SdkBytes.fromByteArray(ByteBuffer.allocate(Long.BYTES).putLong(f).array())).toList();
        return stored.isEmpty() ? null : AttributeValue.fromBs(stored);
    }

    static Shipment shipment(Map<String, AttributeValue> item) {
        View stored = view(item);
        Map<String, AttributeValue> address = nested(item, "deliveryAddress");
        Eta eta = stored.eta();
        Registration registration = new Registration(stored.id(), stored.tenantId(), stored.orderId(),
                stored.customerId(), stored.carrier(), stored.trackingNumber(), stored.service(), eta.promised(),
                address.isEmpty() ? null : new DeliveryAddress(stringOrNull(address, "name"), stringOrNull(address, "line1"),
                        stringOrNull(address, "line2"), stringOrNull(address, "city"), stringOrNull(address, "region"),
                        stringOrNull(address, "postalCode"), stringOrNull(address, "country")),
                new Contact(stored.email(), stored.phone()), stored.createdAt());
        StatusScan statusScan = statusScanKey(item).map(key -> new StatusScan(
                Status.valueOf(string(item, "statusScanStatus").orElseGet(() -> stringOrNull(item, "status"))),
                OffsetDateTime.parse(stringOrNull(item, "statusOccurredAt")), key,
                string(item, "exceptionReason").map(ExceptionReason::valueOf).orElse(null),
                bool(item, "statusActionRequired"), bool(item, "carrierDelayed"))).orElse(null);
        Instant firstDeliveredAt = instant(item, "firstDeliveredAt");
        Instant lastScanAt = instant(item, "lastScanAt");
        TrackingState tracking = new TrackingState(statusScan,
                string(item, "milestone").map(Milestone::valueOf).orElse(Milestone.LABEL_CREATED),
                Optional.ofNullable(instant(item, "firstTerminalAt")).orElse(firstDeliveredAt), firstDeliveredAt,
                instant(item, "latestReturnAt"),
                lastScanAt != null || statusScan == null ? lastScanAt : statusScan.occurredAt().toInstant(), eta,
                knownScans(item.get("knownScans"), statusScan),
                new Alerts(string(item, "delayedFor").map(LocalDate::parse).orElse(null), instant(item, "stalledFor"),
                        instant(item, "lostFor")));
        return new Shipment(registration, tracking, stored.delayed(), stored.version(),
                Optional.ofNullable(instant(item, "updatedAt")).orElse(registration.createdAt()));
    }

    /** 16 bytes, or 32 hex digits (the former layout). */
    private static Optional<ScanKey> statusScanKey(Map<String, AttributeValue> item) {
        AttributeValue key = item.get("statusScanKey");
        if (key == null) return Optional.empty();
        return Optional.of(new ScanKey(key.b() != null ? HexFormat.of().formatHex(key.b().asByteArray()) : key.s()));
    }

    /** The first 8 bytes of each entry (a fingerprint, or a 16-byte scan key of the former layout), and the status scan's. */
    private static Set<Long> knownScans(AttributeValue known, StatusScan statusScan) {
        Set<Long> fingerprints = new HashSet<>();
        if (known != null && known.hasBs()) known.bs().forEach(b -> fingerprints.add(b.asByteBuffer().getLong()));
        if (statusScan != null) fingerprints.add(statusScan.key().fingerprint());
        return fingerprints;
    }

    /**
     * A stored enum name as a reader outside the engine takes it: a name it does not know (written by a newer engine)
     * reads as {@code fallback} instead of failing the whole read; absent reads as {@code fallback} too.
     */
    public static <E extends Enum<E>> E named(Class<E> type, String name, E fallback) {
        if (name == null) return fallback;
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** The shipment item as stored, for readers outside the engine. */
    public static View view(Map<String, AttributeValue> item) {
        return new View(item);
    }

    /**
     * The attributes shared between functions (README "Data model") for readers outside the engine (the API's views,
     * the notifier's alerts): what the compact encoding keeps in keys ({@link #id}, {@link #carrier},
     * {@link #trackingNumber}, {@link #createdAt}), leaves out when false (flags) or encodes ({@link #eta}) is decoded
     * here; the other values are as stored, not validated (absent: null), so each reader decides what a value another
     * writer left malformed means to it.
     */
    public static final class View {
        private final Map<String, AttributeValue> item;

        private View(Map<String, AttributeValue> item) {
            this.item = item;
        }

        /** From {@code PK}: the item stores it nowhere else. */
        public String id() {
            return TrackingTable.shipmentIdOf(stringOrNull(item, TrackingTable.PK));
        }

        /** From {@code GSI1PK}. */
        public Carrier carrier() {
            return TrackingTable.carrierOf(stringOrNull(item, "GSI1PK"));
        }

        /** From {@code GSI1PK}. */
        public TrackingNumber trackingNumber() {
            return TrackingTable.trackingNumberOf(stringOrNull(item, "GSI1PK"));
        }

        /** Registration time: in GSI2SK, or the {@code createdAt} attribute of the former layout. */
        public Instant createdAt() {
            return string(item, "createdAt").map(Instant::parse)
                    .orElseGet(() -> TrackingTable.createdAtOf(stringOrNull(item, "GSI2SK")));
        }

        public String tenantId() {
            return stringOrNull(item, "tenantId");
        }

        public String orderId() {
            return stringOrNull(item, "orderId");
        }

        public String customerId() {
            return stringOrNull(item, "customerId");
        }

        public String service() {
            return stringOrNull(item, "service");
        }

        /** A {@code Status} name; absent until the first scan. */
        public String status() {
            return stringOrNull(item, "status");
        }

        /** A {@code Milestone} name. */
        public String milestone() {
            return stringOrNull(item, "milestone");
        }

        /** An {@code ExceptionReason} name. */
        public String exceptionReason() {
            return stringOrNull(item, "exceptionReason");
        }

        /** ISO-8601 with the carrier's offset. */
        public String statusOccurredAt() {
            return stringOrNull(item, "statusOccurredAt");
        }

        public boolean actionRequired() {
            return bool(item, "actionRequired");
        }

        public boolean delayed() {
            return bool(item, "delayed");
        }

        public boolean terminal() {
            return bool(item, "terminal");
        }

        /** As {@link EtaAttribute} stores it; a malformed date fails the decoding. */
        public Eta eta() {
            return EtaAttribute.decode(item);
        }

        /** {@code contact.email}. */
        public String email() {
            return stringOrNull(nested(item, "contact"), "email");
        }

        /** {@code contact.phone}, E.164 as registration wrote it. */
        public String phone() {
            return stringOrNull(nested(item, "contact"), "phone");
        }

        public long version() {
            return number(item, "version");
        }
    }
}
