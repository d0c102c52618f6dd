package io.trackline.webhook.http.aftership;

import io.trackline.webhook.http.StatusMapping;
import io.trackline.webhook.http.StatusTable;

import java.util.Map;

import static io.trackline.domain.tracking.ExceptionReason.ADDRESS_ISSUE;
import static io.trackline.domain.tracking.ExceptionReason.BUSINESS_CLOSED;
import static io.trackline.domain.tracking.ExceptionReason.CARRIER_DELAY;
import static io.trackline.domain.tracking.ExceptionReason.CARRIER_REJECTED;
import static io.trackline.domain.tracking.ExceptionReason.CUSTOMS_HOLD;
import static io.trackline.domain.tracking.ExceptionReason.DAMAGED;
import static io.trackline.domain.tracking.ExceptionReason.DOCUMENTS_MISSING;
import static io.trackline.domain.tracking.ExceptionReason.NOT_COLLECTED;
import static io.trackline.domain.tracking.ExceptionReason.OTHER;
import static io.trackline.domain.tracking.ExceptionReason.PAYMENT_DUE;
import static io.trackline.domain.tracking.ExceptionReason.RECIPIENT_UNAVAILABLE;
import static io.trackline.domain.tracking.ExceptionReason.REFUSED;
import static io.trackline.domain.tracking.ExceptionReason.WEATHER_DELAY;
import static io.trackline.domain.tracking.Status.AVAILABLE_FOR_PICKUP;
import static io.trackline.domain.tracking.Status.DELIVERED;
import static io.trackline.domain.tracking.Status.DELIVERY_ATTEMPTED;
import static io.trackline.domain.tracking.Status.EXCEPTION;
import static io.trackline.domain.tracking.Status.EXPIRED;
import static io.trackline.domain.tracking.Status.IN_TRANSIT;
import static io.trackline.domain.tracking.Status.LABEL_CREATED;
import static io.trackline.domain.tracking.Status.LOST;
import static io.trackline.domain.tracking.Status.OUT_FOR_DELIVERY;
import static io.trackline.domain.tracking.Status.PICKED_UP;
import static io.trackline.domain.tracking.Status.RETURNED;
import static io.trackline.domain.tracking.Status.RETURN_TO_SENDER;
import static io.trackline.domain.tracking.Status.UNKNOWN;

/**
 * AfterShip delivery statuses ({@code tag}) and sub-statuses ({@code subtag}), as AfterShip's "Delivery Statuses" and
 * "Delivery Sub-statuses" pages list them, onto PRODUCT.md §2. Sub-status rows name their status in full, since each
 * subtag belongs to one tag; {@code Exception_013} (shipment lost) is terminal, {@code Exception_010} (returning to
 * sender) is not, {@code Exception_011} (returned) is.
 */
public final class AfterShipStatusTable {
    static final StatusTable TABLE = new StatusTable(
            Map.of(
                    "Pending", StatusMapping.of(UNKNOWN),
                    "InfoReceived", StatusMapping.of(LABEL_CREATED),
                    "InTransit", StatusMapping.of(IN_TRANSIT),
                    "OutForDelivery", StatusMapping.of(OUT_FOR_DELIVERY),
                    "AttemptFail", StatusMapping.actionRequired(DELIVERY_ATTEMPTED, null),
                    "Delivered", StatusMapping.of(DELIVERED),
                    "AvailableForPickup", StatusMapping.actionRequired(AVAILABLE_FOR_PICKUP, null),
                    "Exception", StatusMapping.of(EXCEPTION, OTHER),
                    "Expired", StatusMapping.of(EXPIRED)),
            Map.ofEntries(
                    Map.entry("Pending_001", StatusMapping.of(UNKNOWN)),
                    Map.entry("Pending_002", StatusMapping.of(UNKNOWN)),
                    Map.entry("Pending_003", StatusMapping.of(UNKNOWN)),
                    Map.entry("Pending_004", StatusMapping.of(UNKNOWN)),
                    Map.entry("Pending_005", StatusMapping.of(UNKNOWN)),
                    Map.entry("Pending_006", StatusMapping.of(UNKNOWN)),
                    Map.entry("InfoReceived_001", StatusMapping.of(LABEL_CREATED)),
                    Map.entry("InTransit_001", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_002", StatusMapping.of(PICKED_UP)),
                    Map.entry("InTransit_003", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_004", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_005", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_006", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_007", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_008", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("InTransit_009", StatusMapping.of(IN_TRANSIT)),
                    Map.entry("OutForDelivery_001", StatusMapping.of(OUT_FOR_DELIVERY)),
                    Map.entry("OutForDelivery_003", StatusMapping.of(OUT_FOR_DELIVERY)),
                    Map.entry("OutForDelivery_004", StatusMapping.of(OUT_FOR_DELIVERY)),
                    Map.entry("AttemptFail_001", StatusMapping.actionRequired(DELIVERY_ATTEMPTED, null)),
                    Map.entry("AttemptFail_002", StatusMapping.actionRequired(DELIVERY_ATTEMPTED, RECIPIENT_UNAVAILABLE)),
                    Map.entry("AttemptFail_003", StatusMapping.actionRequired(DELIVERY_ATTEMPTED, BUSINESS_CLOSED)),
                    Map.entry("Delivered_001", StatusMapping.of(DELIVERED)),
                    Map.entry("Delivered_002", StatusMapping.of(DELIVERED)),
                    Map.entry("Delivered_003", StatusMapping.of(DELIVERED)),
                    Map.entry("Delivered_004", StatusMapping.of(DELIVERED)),
                    Map.entry("Delivered_005", StatusMapping.of(DELIVERED)),
                    Map.entry("AvailableForPickup_001", StatusMapping.actionRequired(AVAILABLE_FOR_PICKUP, null)),
                    Map.entry("Exception_001", StatusMapping.of(EXCEPTION, OTHER)),
                    Map.entry("Exception_002", StatusMapping.actionRequired(EXCEPTION, ADDRESS_ISSUE)),
                    Map.entry("Exception_003", StatusMapping.of(EXCEPTION, REFUSED)),
                    Map.entry("Exception_004", StatusMapping.delayed(EXCEPTION, CUSTOMS_HOLD)),
                    Map.entry("Exception_005", StatusMapping.delayed(EXCEPTION, CARRIER_DELAY)),
                    Map.entry("Exception_006", StatusMapping.actionRequired(EXCEPTION, PAYMENT_DUE)),
                    Map.entry("Exception_007", StatusMapping.actionRequired(EXCEPTION, ADDRESS_ISSUE)),
                    Map.entry("Exception_008", StatusMapping.of(EXCEPTION, NOT_COLLECTED)),
                    Map.entry("Exception_009", StatusMapping.of(EXCEPTION, CARRIER_REJECTED)),
                    Map.entry("Exception_010", StatusMapping.of(RETURN_TO_SENDER)),
                    Map.entry("Exception_011", StatusMapping.of(RETURNED)),
                    Map.entry("Exception_012", StatusMapping.of(EXCEPTION, DAMAGED)),
                    Map.entry("Exception_013", StatusMapping.of(LOST)),
                    Map.entry("Exception_016", StatusMapping.delayed(EXCEPTION, CARRIER_DELAY)),
                    Map.entry("Exception_017", StatusMapping.delayed(EXCEPTION, WEATHER_DELAY)),
                    Map.entry("Exception_018", StatusMapping.actionRequired(EXCEPTION, DOCUMENTS_MISSING)),
                    Map.entry("Expired_001", StatusMapping.of(EXPIRED))));

    private AfterShipStatusTable() {
    }

    public static StatusMapping map(String tag, String subtag) {
        return TABLE.map(tag, subtag);
    }
}
