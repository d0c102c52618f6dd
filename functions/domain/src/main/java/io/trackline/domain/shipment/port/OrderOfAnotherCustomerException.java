package io.trackline.domain.shipment.port;

/** The tenant's order exists already for a different customer, so a shipment of another customer cannot join it. */
public final class OrderOfAnotherCustomerException extends IllegalArgumentException {
    public OrderOfAnotherCustomerException(String orderId) {
        super("order " + orderId + " belongs to another customer");
    }
}
