package io.trackline.webhook.http.easypost;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import io.trackline.webhook.http.StatusMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EasyPostStatusTableTest {

    @ParameterizedTest(name = "{0} / {1} -> {2} {3} action={4} delayed={5}")
    @CsvSource(nullValues = "-", textBlock = """
            # every tracker status, without a detail
            unknown,              -,                               UNKNOWN,              -,                 false, false
            pre_transit,          -,                               LABEL_CREATED,        -,                 false, false
            in_transit,           -,                               IN_TRANSIT,           -,                 false, false
            out_for_delivery,     -,                               OUT_FOR_DELIVERY,     -,                 false, false
            delivered,            -,                               DELIVERED,            -,                 false, false
            available_for_pickup, -,                               AVAILABLE_FOR_PICKUP, -,                 true,  false
            return_to_sender,     -,                               RETURN_TO_SENDER,     -,                 false, false
            failure,              -,                               EXCEPTION,            OTHER,             false, false
            cancelled,            -,                               CANCELLED,            -,                 false, false
            error,                -,                               UNKNOWN,              -,                 false, false
            # every status_detail, under the status EasyPost sends it with
            in_transit,           address_correction,              IN_TRANSIT,           ADDRESS_ISSUE,     false, false
            in_transit,           arrived_at_destination,          IN_TRANSIT,           -,                 false, false
            in_transit,           arrived_at_facility,             IN_TRANSIT,           -,                 false, false
            available_for_pickup, arrived_at_pickup_location,      AVAILABLE_FOR_PICKUP, -,                 true,  false
            pre_transit,          awaiting_information,            LABEL_CREATED,        -,                 false, false
            cancelled,            cancelled,                       CANCELLED,            -,                 false, false
            failure,              damaged,                         EXCEPTION,            DAMAGED,           false, false
            in_transit,           delayed,                         IN_TRANSIT,           CARRIER_DELAY,     false, true
            failure,              delivery_exception,              EXCEPTION,            OTHER,             false, false
            in_transit,           departed_facility,               IN_TRANSIT,           -,                 false, false
            in_transit,           departed_origin_facility,        IN_TRANSIT,           -,                 false, false
            failure,              expired,                         EXPIRED,              -,                 false, false
            failure,              failure,                         EXCEPTION,            OTHER,             false, false
            in_transit,           held,                            EXCEPTION,            HELD_AT_FACILITY,  false, false
            in_transit,           in_transit,                      IN_TRANSIT,           -,                 false, false
            pre_transit,          label_created,                   LABEL_CREATED,        -,                 false, false
            failure,              lost,                            LOST,                 -,                 false, false
            in_transit,           missorted,                       IN_TRANSIT,           MISSORTED,         false, true
            out_for_delivery,     out_for_delivery,                OUT_FOR_DELIVERY,     -,                 false, false
            in_transit,           received_at_destination_facility, IN_TRANSIT,          -,                 false, false
            in_transit,           received_at_origin_facility,     PICKED_UP,            -,                 false, false
            return_to_sender,     refused,                         RETURN_TO_SENDER,     REFUSED,           false, false
            failure,              refused,                         EXCEPTION,            REFUSED,           false, false
            return_to_sender,     return,                          RETURN_TO_SENDER,     -,                 false, false
            in_transit,           status_update,                   IN_TRANSIT,           -,                 false, false
            in_transit,           transferred_to_destination_carrier, IN_TRANSIT,        -,                 false, false
            in_transit,           transit_exception,               EXCEPTION,            CARRIER_DELAY,     false, true
            unknown,              unknown,                         UNKNOWN,              -,                 false, false
            in_transit,           weather_delay,                   IN_TRANSIT,           WEATHER_DELAY,     false, true
            # codes EasyPost may add later keep their status row
            in_transit,           some_future_detail,              IN_TRANSIT,           -,                 false, false
            some_future_status,   -,                               UNKNOWN,              -,                 false, false
            """)
    void shouldMapEveryDocumentedStatusAndDetail(String status, String detail, Status expected, ExceptionReason reason,
                                                 boolean actionRequired, boolean delayed) {
        // when
        StatusMapping mapping = EasyPostStatusTable.map(status, detail);

        // then
        assertThat(mapping).isEqualTo(new StatusMapping(expected, reason, actionRequired, delayed));
    }
}
