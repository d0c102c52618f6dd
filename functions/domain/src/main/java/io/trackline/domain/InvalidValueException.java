package io.trackline.domain;

/**
 * A value the domain refuses, naming the field at fault ({@code deliveryAddress.postalCode}, {@code contact.email}):
 * every value object throws it, so a caller maps it to its answer in one place without reading the message.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the API's request bodies name it. */
    public String field() {
        return field;
    }
}
