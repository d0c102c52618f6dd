package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.TrackedScan;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.Map;

import static io.trackline.engine.dynamodb.Attributes.bool;
import static io.trackline.engine.dynamodb.Attributes.nested;
import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * A scan item: {@code EVENT#<occurredAt UTC>#<scanKey>} under its shipment (or its unregistered package). The engine
 * writes and reads it as a {@link TrackedScan}; other readers (the API's tracking) take its stored values through
 * {@link #view} and the tracking page through {@link #tracked}, so the item's attribute names are spelled here only.
 */
public final class ScanItem {
    private ScanItem() {
    }

    static Map<String, AttributeValue> of(String pk, TrackedScan tracked) {
        Scan scan = tracked.scan();
        Location l = scan.location();
        return Attributes.item()
                .s(TrackingTable.PK, pk)
                .s(TrackingTable.SK, TrackingTable.eventSk(scan.occurredAt().toInstant(), scan.key().value()))
                .s("scanKey", scan.key().value())
                .s("carrier", scan.carrier().code())
                .s("trackingNumber", scan.trackingNumber().value())
                .s("status", scan.status())
                .s("occurredAt", scan.occurredAt())
                .s("description", scan.description())
                .map("location", Attributes.item().s("city", l.city()).s("region", l.region())
                        .s("postalCode", l.postalCode()).s("country", l.country()))
                .s("source", scan.source())
                .s("rawStatus", scan.rawStatus())
                .s("rawSubStatus", scan.rawSubStatus())
                .s("exceptionReason", scan.exceptionReason())
                .bool("actionRequired", scan.actionRequired())
                .bool("carrierSaysDelayed", scan.carrierSaysDelayed())
                .bool("postTerminal", tracked.postTerminal())
                .flag("implausibleTime", tracked.implausibleTime())
                .build();
    }

    static Scan scan(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> l = nested(item, "location");
        String reason = stringOrNull(item, "exceptionReason");
        return new Scan(Carrier.of(stringOrNull(item, "carrier")), TrackingNumber.of(stringOrNull(item, "trackingNumber")),
                Status.valueOf(stringOrNull(item, "status")), OffsetDateTime.parse(stringOrNull(item, "occurredAt")),
                stringOrNull(item, "description"),
                new Location(stringOrNull(l, "city"), stringOrNull(l, "region"), stringOrNull(l, "postalCode"),
                        stringOrNull(l, "country")),
                stringOrNull(item, "source"), stringOrNull(item, "rawStatus"), stringOrNull(item, "rawSubStatus"),
                reason == null ? null : ExceptionReason.valueOf(reason), bool(item, "actionRequired"),
                bool(item, "carrierSaysDelayed"));
    }

    public static TrackedScan tracked(Map<String, AttributeValue> item) {
        return new TrackedScan(scan(item), bool(item, "postTerminal"), bool(item, "implausibleTime"));
    }

    /** The stored values of a scan item, as written; names of statuses and reasons are left for the reader to map. */
    public static View view(Map<String, AttributeValue> item) {
        return new View(item);
    }

    public static final class View {
        private final Map<String, AttributeValue> item;

        private View(Map<String, AttributeValue> item) {
            this.item = item;
        }

        public String scanKey() {
            return stringOrNull(item, "scanKey");
        }

        public String status() {
            return stringOrNull(item, "status");
        }

        /** ISO-8601 with the carrier's offset, as the carrier gave it. */
        public String occurredAt() {
            return stringOrNull(item, "occurredAt");
        }

        public String description() {
            return stringOrNull(item, "description");
        }

        /** {@link Location#UNKNOWN} when the scan named no place. */
        public Location location() {
            Map<String, AttributeValue> l = nested(item, "location");
            return l.isEmpty() ? Location.UNKNOWN : new Location(stringOrNull(l, "city"), stringOrNull(l, "region"),
                    stringOrNull(l, "postalCode"), stringOrNull(l, "country"));
        }

        public String source() {
            return stringOrNull(item, "source");
        }

        public String rawStatus() {
            return stringOrNull(item, "rawStatus");
        }

        public String exceptionReason() {
            return stringOrNull(item, "exceptionReason");
        }

        public boolean postTerminal() {
            return bool(item, "postTerminal");
        }

        public boolean implausibleTime() {
            return bool(item, "implausibleTime");
        }
    }
}
