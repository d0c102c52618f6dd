package io.trackline.webhook.http.easypost;

import io.trackline.webhook.http.StatusMapping;
import io.trackline.webhook.http.StatusTable;

import java.util.Map;

import static io.trackline.domain.tracking.ExceptionReason.ADDRESS_ISSUE;
import static io.trackline.domain.tracking.ExceptionReason.CARRIER_DELAY;
import static io.trackline.domain.tracking.ExceptionReason.DAMAGED;
import static io.trackline.domain.tracking.ExceptionReason.HELD_AT_FACILITY;
import static io.trackline.domain.tracking.ExceptionReason.MISSORTED;
import static io.trackline.domain.tracking.ExceptionReason.OTHER;
import static io.trackline.domain.tracking.ExceptionReason.REFUSED;
import static io.trackline.domain.tracking.ExceptionReason.WEATHER_DELAY;
import static io.trackline.domain.tracking.Status.AVAILABLE_FOR_PICKUP;
import static io.trackline.domain.tracking.Status.CANCELLED;
import static io.trackline.domain.tracking.Status.DELIVERED;
import static io.trackline.domain.tracking.Status.EXCEPTION;
import static io.trackline.domain.tracking.Status.EXPIRED;
import static io.trackline.domain.tracking.Status.IN_TRANSIT;
import static io.trackline.domain.tracking.Status.LABEL_CREATED;
import static io.trackline.domain.tracking.Status.LOST;
import static io.trackline.domain.tracking.Status.OUT_FOR_DELIVERY;
import static io.trackline.domain.tracking.Status.PICKED_UP;
import static io.trackline.domain.tracking.Status.RETURN_TO_SENDER;
import static io.trackline.domain.tracking.Status.UNKNOWN;

/**
 * EasyPost tracker {@code status} and {@code status_detail} (docs.easypost.com, Trackers) onto PRODUCT.md §2. A
 * {@code status_detail} row with a {@code null} status keeps its tracking detail's status and only adds a reason or
 * flag: {@code refused} on a {@code return_to_sender} detail is a return, on a {@code failure} an exception.
 */
public final class EasyPostStatusTable {
    static final StatusTable TABLE = new StatusTable(
            Map.of(
                    "unknown", StatusMapping.of(UNKNOWN),
                    "pre_transit", StatusMapping.of(LABEL_CREATED),
                    "in_transit", StatusMapping.of(IN_TRANSIT),
                    "out_for_delivery", StatusMapping.of(OUT_FOR_DELIVERY),
                    "delivered", StatusMapping.of(DELIVERED),
                    "available_for_pickup", StatusMapping.actionRequired(AVAILABLE_FOR_PICKUP, null),
                    "return_to_sender", StatusMapping.of(RETURN_TO_SENDER),
                    "failure", StatusMapping.of(EXCEPTION, OTHER),
                    "cancelled", StatusMapping.of(CANCELLED),
                    "error", StatusMapping.of(UNKNOWN)),
            Map.ofEntries(
                    Map.entry("address_correction", StatusMapping.of(null, ADDRESS_ISSUE)),
                    Map.entry("arrived_at_destination", StatusMapping.of(null)),
                    Map.entry("arrived_at_facility", StatusMapping.of(null)),
                    Map.entry("arrived_at_pickup_location", StatusMapping.actionRequired(AVAILABLE_FOR_PICKUP, null)),
                    Map.entry("awaiting_information", StatusMapping.of(null)),
                    Map.entry("cancelled", StatusMapping.of(CANCELLED)),
                    Map.entry("damaged", StatusMapping.of(EXCEPTION, DAMAGED)),
                    Map.entry("delayed", StatusMapping.delayed(null, CARRIER_DELAY)),
                    Map.entry("delivery_exception", StatusMapping.of(EXCEPTION, OTHER)),
                    Map.entry("departed_facility", StatusMapping.of(null)),
                    Map.entry("departed_origin_facility", StatusMapping.of(null)),
                    Map.entry("expired", StatusMapping.of(EXPIRED)),
                    Map.entry("failure", StatusMapping.of(EXCEPTION, OTHER)),
                    Map.entry("held", StatusMapping.of(EXCEPTION, HELD_AT_FACILITY)),
                    Map.entry("in_transit", StatusMapping.of(null)),
                    Map.entry("label_created", StatusMapping.of(LABEL_CREATED)),
                    Map.entry("lost", StatusMapping.of(LOST)),
                    Map.entry("missorted", StatusMapping.delayed(null, MISSORTED)),
                    Map.entry("out_for_delivery", StatusMapping.of(OUT_FOR_DELIVERY)),
                    Map.entry("received_at_destination_facility", StatusMapping.of(null)),
                    Map.entry("received_at_origin_facility", StatusMapping.of(PICKED_UP)),
                    Map.entry("refused", StatusMapping.of(null, REFUSED)),
                    Map.entry("return", StatusMapping.of(RETURN_TO_SENDER)),
                    Map.entry("status_update", StatusMapping.of(null)),
                    Map.entry("transferred_to_destination_carrier", StatusMapping.of(null)),
                    Map.entry("transit_exception", StatusMapping.delayed(EXCEPTION, CARRIER_DELAY)),
                    Map.entry("unknown", StatusMapping.of(null)),
                    Map.entry("weather_delay", StatusMapping.delayed(null, WEATHER_DELAY))));

    private EasyPostStatusTable() {
    }

    public static StatusMapping map(String status, String statusDetail) {
        return TABLE.map(status, statusDetail);
    }
}
