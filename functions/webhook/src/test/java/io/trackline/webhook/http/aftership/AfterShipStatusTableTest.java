package io.trackline.webhook.http.aftership;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;
import io.trackline.webhook.http.StatusMapping;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AfterShipStatusTableTest {

    @ParameterizedTest(name = "{0} / {1} -> {2} {3} action={4} delayed={5}")
    @CsvSource(nullValues = "-", textBlock = """
            Pending,            -,                      UNKNOWN,              -,                     false, false
            InfoReceived,       -,                      LABEL_CREATED,        -,                     false, false
            InTransit,          -,                      IN_TRANSIT,           -,                     false, false
            OutForDelivery,     -,                      OUT_FOR_DELIVERY,     -,                     false, false
            AttemptFail,        -,                      DELIVERY_ATTEMPTED,   -,                     true,  false
            Delivered,          -,                      DELIVERED,            -,                     false, false
            AvailableForPickup, -,                      AVAILABLE_FOR_PICKUP, -,                     true,  false
            Exception,          -,                      EXCEPTION,            OTHER,                 false, false
            Expired,            -,                      EXPIRED,              -,                     false, false
            Pending,            Pending_001,            UNKNOWN,              -,                     false, false
            Pending,            Pending_002,            UNKNOWN,              -,                     false, false
            Pending,            Pending_003,            UNKNOWN,              -,                     false, false
            Pending,            Pending_004,            UNKNOWN,              -,                     false, false
            Pending,            Pending_005,            UNKNOWN,              -,                     false, false
            Pending,            Pending_006,            UNKNOWN,              -,                     false, false
            InfoReceived,       InfoReceived_001,       LABEL_CREATED,        -,                     false, false
            InTransit,          InTransit_001,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_002,          PICKED_UP,            -,                     false, false
            InTransit,          InTransit_003,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_004,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_005,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_006,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_007,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_008,          IN_TRANSIT,           -,                     false, false
            InTransit,          InTransit_009,          IN_TRANSIT,           -,                     false, false
            OutForDelivery,     OutForDelivery_001,     OUT_FOR_DELIVERY,     -,                     false, false
            OutForDelivery,     OutForDelivery_003,     OUT_FOR_DELIVERY,     -,                     false, false
            OutForDelivery,     OutForDelivery_004,     OUT_FOR_DELIVERY,     -,                     false, false
            AttemptFail,        AttemptFail_001,        DELIVERY_ATTEMPTED,   -,                     true,  false
            AttemptFail,        AttemptFail_002,        DELIVERY_ATTEMPTED,   RECIPIENT_UNAVAILABLE, true,  false
            AttemptFail,        AttemptFail_003,        DELIVERY_ATTEMPTED,   BUSINESS_CLOSED,       true,  false
            Delivered,          Delivered_001,          DELIVERED,            -,                     false, false
            Delivered,          Delivered_002,          DELIVERED,            -,                     false, false
            Delivered,          Delivered_003,          DELIVERED,            -,                     false, false
            Delivered,          Delivered_004,          DELIVERED,            -,                     false, false
            Delivered,          Delivered_005,          DELIVERED,            -,                     false, false
            AvailableForPickup, AvailableForPickup_001, AVAILABLE_FOR_PICKUP, -,                     true,  false
            Exception,          Exception_001,          EXCEPTION,            OTHER,                 false, false
            Exception,          Exception_002,          EXCEPTION,            ADDRESS_ISSUE,         true,  false
            Exception,          Exception_003,          EXCEPTION,            REFUSED,               false, false
            Exception,          Exception_004,          EXCEPTION,            CUSTOMS_HOLD,          false, true
            Exception,          Exception_005,          EXCEPTION,            CARRIER_DELAY,         false, true
            Exception,          Exception_006,          EXCEPTION,            PAYMENT_DUE,           true,  false
            Exception,          Exception_007,          EXCEPTION,            ADDRESS_ISSUE,         true,  false
            Exception,          Exception_008,          EXCEPTION,            NOT_COLLECTED,         false, false
            Exception,          Exception_009,          EXCEPTION,            CARRIER_REJECTED,      false, false
            Exception,          Exception_010,          RETURN_TO_SENDER,     -,                     false, false
            Exception,          Exception_011,          RETURNED,             -,                     false, false
            Exception,          Exception_012,          EXCEPTION,            DAMAGED,               false, false
            Exception,          Exception_013,          LOST,                 -,                     false, false
            Exception,          Exception_016,          EXCEPTION,            CARRIER_DELAY,         false, true
            Exception,          Exception_017,          EXCEPTION,            WEATHER_DELAY,         false, true
            Exception,          Exception_018,          EXCEPTION,            DOCUMENTS_MISSING,     true,  false
            Expired,            Expired_001,            EXPIRED,              -,                     false, false
            # a subtag AfterShip adds later keeps its tag's row
            Exception,          Exception_099,          EXCEPTION,            OTHER,                 false, false
            """)
    void shouldMapEveryDocumentedTagAndSubtag(String tag, String subtag, Status expected, ExceptionReason reason,
                                              boolean actionRequired, boolean delayed) {
        // when
        StatusMapping mapping = AfterShipStatusTable.map(tag, subtag);

        // then
        assertThat(mapping).isEqualTo(new StatusMapping(expected, reason, actionRequired, delayed));
    }
}
