package io.trackline.domain.shipment;

import io.trackline.domain.shipment.usecase.RegisterShipment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registration command validates itself; each message names the field, for the API's problem+json. */
class RegisterShipmentCommandTest {
    private final Registration valid = Scans.registration("unused");

    @Test
    void shouldNameTheField_whenTrackingNumberIsMissing() {
        assertThatThrownBy(() -> new RegisterShipment.Command(valid.tenantId(), valid.orderId(), valid.customerId(),
                valid.carrier(), null, valid.service(), valid.promisedDeliveryDate(), valid.deliveryAddress(), valid.contact()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trackingNumber is required");
    }

    @Test
    void shouldRejectOrderId_whenItHasSpaces() {
        assertThatThrownBy(() -> new RegisterShipment.Command(valid.tenantId(), "order 1", valid.customerId(),
                valid.carrier(), valid.trackingNumber(), valid.service(), valid.promisedDeliveryDate(),
                valid.deliveryAddress(), valid.contact()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("orderId");
    }

    @Test
    void shouldRejectPhone_whenNotE164() {
        assertThatThrownBy(() -> new Contact(null, "0415 555 0123"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("contact.phone");
    }

    @Test
    void shouldRejectCountry_whenNotTwoLetters() {
        assertThatThrownBy(() -> new DeliveryAddress("Jane", "1 Main St", null, "Springfield", "IL", "62701", "USA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("deliveryAddress.country");
    }
}
