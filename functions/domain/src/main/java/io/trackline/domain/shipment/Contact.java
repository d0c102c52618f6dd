package io.trackline.domain.shipment;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.alerts.EmailAddress;
import io.trackline.domain.alerts.PhoneNumber;

/** How to reach the customer: {@code email?} by {@link EmailAddress}'s rule, {@code phone?} in E.164. */
public record Contact(String email, String phone) {
    public static final Contact NONE = new Contact(null, null);

    public Contact {
        EmailAddress address = EmailAddress.optional(email, "contact.email");
        email = address == null ? null : address.value();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        if (phone != null && !PhoneNumber.isE164(phone)) {
            throw new InvalidValueException("contact.phone", "contact.phone must be in E.164, e.g. +14155550123");
        }
    }
}
