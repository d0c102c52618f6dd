package io.trackline.api.http;

import java.util.Arrays;

/**
 * The one field check that is the API's own: a request's enum names. Every other value is checked by its domain value
 * object ({@code DeliveryAddress}, {@code Contact}, {@code EmailAddress}, {@code Carrier}, {@code TrackingNumber},
 * {@code Text}, ...), whose {@code InvalidValueException} {@link Router} answers with a 400 naming the field.
 */
public final class Fields {
    private Fields() {
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field) {
        if (value == null) throw Problems.invalid(field, field + " is required.");
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, field + " must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
        }
    }
}
