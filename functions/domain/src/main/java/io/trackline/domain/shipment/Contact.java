package io.trackline.domain.shipment;

import io.trackline.domain.alerts.PhoneNumber;

import java.util.regex.Pattern;

/** How to reach the customer: {@code email?, phone?} with the phone in E.164. */
public record Contact(String email, String phone) {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    public static final Contact NONE = new Contact(null, null);

    public Contact {
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new IllegalArgumentException("contact.email is not an email address");
        }
        if (phone != null && !PhoneNumber.isE164(phone)) {
            throw new IllegalArgumentException("contact.phone must be in E.164, e.g. +14155550123");
        }
    }
}
