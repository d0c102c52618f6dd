package io.trackline.webhook.http.shippo;

import io.trackline.webhook.http.StatusMapping;
import io.trackline.webhook.http.StatusTable;

import java.util.Map;

import static io.trackline.domain.tracking.ExceptionReason.ADDRESS_ISSUE;
import static io.trackline.domain.tracking.ExceptionReason.CARRIER_DELAY;
import static io.trackline.domain.tracking.ExceptionReason.DAMAGED;
import static io.trackline.domain.tracking.ExceptionReason.HELD_AT_FACILITY;
import static io.trackline.domain.tracking.ExceptionReason.LOCATION_INACCESSIBLE;
import static io.trackline.domain.tracking.ExceptionReason.NOT_COLLECTED;
import static io.trackline.domain.tracking.ExceptionReason.OTHER;
import static io.trackline.domain.tracking.ExceptionReason.RESCHEDULED;
import static io.trackline.domain.tracking.Status.AVAILABLE_FOR_PICKUP;
import static io.trackline.domain.tracking.Status.DELIVERED;
import static io.trackline.domain.tracking.Status.DELIVERY_ATTEMPTED;
import static io.trackline.domain.tracking.Status.EXCEPTION;
import static io.trackline.domain.tracking.Status.IN_TRANSIT;
import static io.trackline.domain.tracking.Status.LABEL_CREATED;
import static io.trackline.domain.tracking.Status.LOST;
import static io.trackline.domain.tracking.Status.OUT_FOR_DELIVERY;
import static io.trackline.domain.tracking.Status.PICKED_UP;
import static io.trackline.domain.tracking.Status.RETURN_TO_SENDER;
import static io.trackline.domain.tracking.Status.UNKNOWN;

/**
 * Shippo tracking {@code status} and {@code substatus.code} (Shippo docs, "Tracking": status and substatus table) onto
 * PRODUCT.md §2. Shippo's {@code RETURNED} covers "on its way back" as well as "back", so it maps to the non-terminal
 * {@code RETURN_TO_SENDER}; a disposed package is gone for good, so it is {@code LOST}. Shippo's own
 * {@code substatus.action_required} is honoured as well as the table's.
 */
public final class ShippoStatusTable {
    static final StatusTable TABLE = new StatusTable(
            Map.of(
                    "PRE_TRANSIT", StatusMapping.of(LABEL_CREATED),
                    "TRANSIT", StatusMapping.of(IN_TRANSIT),
                    "DELIVERED", StatusMapping.of(DELIVERED),
                    "RETURNED", StatusMapping.of(RETURN_TO_SENDER),
                    "FAILURE", StatusMapping.of(EXCEPTION, OTHER),
                    "UNKNOWN", StatusMapping.of(UNKNOWN)),
            Map.ofEntries(
                    Map.entry("information_received", StatusMapping.of(LABEL_CREATED)),
                    Map.entry("address_issue", StatusMapping.actionRequired(EXCEPTION, ADDRESS_ISSUE)),
                    Map.entry("contact_carrier", StatusMapping.actionRequired(EXCEPTION, OTHER)),
                    Map.entry("delayed", StatusMapping.delayed(null, CARRIER_DELAY)),
                    Map.entry("delivery_attempted", StatusMapping.actionRequired(DELIVERY_ATTEMPTED, null)),
                    Map.entry("delivery_rescheduled", StatusMapping.of(null, RESCHEDULED)),
                    Map.entry("delivery_scheduled", StatusMapping.of(null)),
                    Map.entry("location_inaccessible", StatusMapping.actionRequired(EXCEPTION, LOCATION_INACCESSIBLE)),
                    Map.entry("notice_left", StatusMapping.actionRequired(DELIVERY_ATTEMPTED, null)),
                    Map.entry("out_for_delivery", StatusMapping.of(OUT_FOR_DELIVERY)),
                    Map.entry("package_accepted", StatusMapping.of(PICKED_UP)),
                    Map.entry("package_arrived", StatusMapping.of(null)),
                    Map.entry("package_damaged", StatusMapping.actionRequired(EXCEPTION, DAMAGED)),
                    Map.entry("package_departed", StatusMapping.of(null)),
                    Map.entry("package_forwarded", StatusMapping.of(null)),
                    Map.entry("package_held", StatusMapping.actionRequired(EXCEPTION, HELD_AT_FACILITY)),
                    Map.entry("package_processed", StatusMapping.of(null)),
                    Map.entry("package_processing", StatusMapping.of(null)),
                    Map.entry("pickup_available", StatusMapping.actionRequired(AVAILABLE_FOR_PICKUP, null)),
                    Map.entry("reschedule_delivery", StatusMapping.actionRequired(EXCEPTION, RESCHEDULED)),
                    Map.entry("delivered", StatusMapping.of(DELIVERED)),
                    Map.entry("return_to_sender", StatusMapping.of(RETURN_TO_SENDER)),
                    Map.entry("package_unclaimed", StatusMapping.of(RETURN_TO_SENDER, NOT_COLLECTED)),
                    Map.entry("package_undeliverable", StatusMapping.of(EXCEPTION, OTHER)),
                    Map.entry("package_disposed", StatusMapping.of(LOST)),
                    Map.entry("package_lost", StatusMapping.of(LOST)),
                    Map.entry("other", StatusMapping.of(null))));

    private ShippoStatusTable() {
    }

    public static StatusMapping map(String status, String substatus) {
        return TABLE.map(status, substatus);
    }
}
