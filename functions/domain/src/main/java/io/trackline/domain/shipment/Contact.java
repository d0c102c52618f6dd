package io.trackline.domain.shipment;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.PhoneNumber;

/**
 * How to reach the customer: {@code email?} by {@link EmailAddress}'s rule, {@code phone?} in E.164. Absent is
 * {@code null}; a blank or padded value is refused, as the API's document says (its patterns are anchored).
 */
public record Contact(String email, String phone) {
    public static final Contact NONE = new Contact(null, null);

    public Contact {
        EmailAddress address = EmailAddress.optional(email, "contact.email");
        email = address == null ? null : address.value();
        if (phone != null && !PhoneNumber.isE164(phone)) {
            throw new InvalidValueException("contact.phone", "contact.phone must be in E.164, e.g. +14155550123");
        }
    }
}
