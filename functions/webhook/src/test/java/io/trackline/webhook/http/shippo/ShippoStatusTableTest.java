package io.trackline.webhook.http.shippo;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import io.trackline.webhook.http.StatusMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShippoStatusTableTest {

    @ParameterizedTest(name = "{0} / {1} -> {2} {3} action={4} delayed={5}")
    @CsvSource(nullValues = "-", textBlock = """
            PRE_TRANSIT, -,                     LABEL_CREATED,        -,                     false, false
            TRANSIT,     -,                     IN_TRANSIT,           -,                     false, false
            DELIVERED,   -,                     DELIVERED,            -,                     false, false
            RETURNED,    -,                     RETURN_TO_SENDER,     -,                     false, false
            FAILURE,     -,                     EXCEPTION,            OTHER,                 false, false
            UNKNOWN,     -,                     UNKNOWN,              -,                     false, false
            PRE_TRANSIT, information_received,  LABEL_CREATED,        -,                     false, false
            TRANSIT,     address_issue,         EXCEPTION,            ADDRESS_ISSUE,         true,  false
            TRANSIT,     contact_carrier,       EXCEPTION,            OTHER,                 true,  false
            TRANSIT,     delayed,               IN_TRANSIT,           CARRIER_DELAY,         false, true
            TRANSIT,     delivery_attempted,    DELIVERY_ATTEMPTED,   -,                     true,  false
            TRANSIT,     delivery_rescheduled,  IN_TRANSIT,           RESCHEDULED,           false, false
            TRANSIT,     delivery_scheduled,    IN_TRANSIT,           -,                     false, false
            TRANSIT,     location_inaccessible, EXCEPTION,            LOCATION_INACCESSIBLE, true,  false
            TRANSIT,     notice_left,           DELIVERY_ATTEMPTED,   -,                     true,  false
            TRANSIT,     out_for_delivery,      OUT_FOR_DELIVERY,     -,                     false, false
            TRANSIT,     package_accepted,      PICKED_UP,            -,                     false, false
            TRANSIT,     package_arrived,       IN_TRANSIT,           -,                     false, false
            TRANSIT,     package_damaged,       EXCEPTION,            DAMAGED,               true,  false
            TRANSIT,     package_departed,      IN_TRANSIT,           -,                     false, false
            TRANSIT,     package_forwarded,     IN_TRANSIT,           -,                     false, false
            TRANSIT,     package_held,          EXCEPTION,            HELD_AT_FACILITY,      true,  false
            TRANSIT,     package_processed,     IN_TRANSIT,           -,                     false, false
            TRANSIT,     package_processing,    IN_TRANSIT,           -,                     false, false
            TRANSIT,     pickup_available,      AVAILABLE_FOR_PICKUP, -,                     true,  false
            TRANSIT,     reschedule_delivery,   EXCEPTION,            RESCHEDULED,           true,  false
            DELIVERED,   delivered,             DELIVERED,            -,                     false, false
            RETURNED,    return_to_sender,      RETURN_TO_SENDER,     -,                     false, false
            RETURNED,    package_unclaimed,     RETURN_TO_SENDER,     NOT_COLLECTED,         false, false
            FAILURE,     package_undeliverable, EXCEPTION,            OTHER,                 false, false
            FAILURE,     package_disposed,      LOST,                 -,                     false, false
            FAILURE,     package_lost,          LOST,                 -,                     false, false
            UNKNOWN,     other,                 UNKNOWN,              -,                     false, false
            TRANSIT,     a_future_code,         IN_TRANSIT,           -,                     false, false
            """)
    void shouldMapEveryDocumentedStatusAndSubstatus(String status, String substatus, Status expected,
                                                    ExceptionReason reason, boolean actionRequired, boolean delayed) {
        // when
        StatusMapping mapping = ShippoStatusTable.map(status, substatus);

        // then
        assertThat(mapping).isEqualTo(new StatusMapping(expected, reason, actionRequired, delayed));
    }
}
