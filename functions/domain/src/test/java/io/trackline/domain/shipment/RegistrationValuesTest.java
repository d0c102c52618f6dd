package io.trackline.domain.shipment;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.Text;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registration values the API takes, each refused by its value object with the field it names (issue 16, 4). */
class RegistrationValuesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    @Test
    void shouldRequirePostalCode_whenAnAddressIsGiven() {
        assertRefused(() -> new DeliveryAddress("Jane", "1 Main St", null, "Springfield", "IL", null, "US"),
                "deliveryAddress.postalCode");
    }

    @Test
    void shouldRefuseUnknownCountriesControlCharactersAndUnpairedSurrogates() {
        assertRefused(() -> new DeliveryAddress("Jane", "1 Main St", null, "Springfield", null, "62701", "XX"),
                "deliveryAddress.country");
        assertRefused(() -> new DeliveryAddress("Jane\u0007", "1 Main St", null, "Springfield", null, "62701", "US"),
                "deliveryAddress.name");
        assertRefused(() -> new DeliveryAddress("Jane \ud800", "1 Main St", null, "Springfield", null, "62701", "US"),
                "deliveryAddress.name");
        assertRefused(() -> new DeliveryAddress("J".repeat(101), "1 Main St", null, "Springfield", null, "62701", "US"),
                "deliveryAddress.name");
    }

    @Test
    void shouldCountCharactersAsCodePoints_whenALimitIsChecked() {
        assertThat(Text.optional("\ud83d\udce6".repeat(100), "name", 100)).hasSize(200);
        assertThat(Text.hasUnpairedSurrogate("\udce6\ud83d")).isTrue();
    }

    @Test
    void shouldTakePromisedDatesWithinTwoYearsOfToday_andRefuseTheRest() {
        assertThat(PromisedDeliveryDate.parse("2028-12-06", TODAY)).isEqualTo(LocalDate.parse("2028-12-06"));
        assertThat(PromisedDeliveryDate.parse("2024-12-06", TODAY)).isEqualTo(LocalDate.parse("2024-12-06"));
        assertThat(PromisedDeliveryDate.parse(null, TODAY)).isNull();
        assertRefused(() -> PromisedDeliveryDate.parse("2028-12-07", TODAY), "promisedDeliveryDate");
        assertRefused(() -> PromisedDeliveryDate.parse("+999999999-12-31", TODAY), "promisedDeliveryDate");
        assertRefused(() -> PromisedDeliveryDate.parse("2026-02-30", TODAY), "promisedDeliveryDate");
        assertRefused(() -> PromisedDeliveryDate.parse("2026-1-05", TODAY), "promisedDeliveryDate");
    }

    @Test
    void shouldRefuseCustomerIdsThatCannotBeAnIdentitysSubject() {
        var valid = Scans.registration("unused");
        assertRefused(() -> new io.trackline.domain.shipment.usecase.RegisterShipment.Command(valid.tenantId(),
                valid.orderId(), "jane doe", valid.carrier(), valid.trackingNumber(), null, null, null, null), "customerId");
        assertRefused(() -> new io.trackline.domain.shipment.usecase.RegisterShipment.Command(valid.tenantId(),
                valid.orderId(), "\u0107", valid.carrier(), valid.trackingNumber(), null, null, null, null), "customerId");
    }

    private static void assertRefused(Runnable make, String field) {
        assertThatThrownBy(make::run).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
