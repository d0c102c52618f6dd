package io.trackline.view.shipment;

/** Who is looking, which decides what a shipment shows. */
public enum Audience {
    /** The tenant that registered it: everything, contact data included. */
    TENANT,
    /** The customer it is for: everything about the delivery, their own address included. */
    OWNER,
    /** Anyone with the tracking number: progress only, city-level places, no names, addresses, phones or emails. */
    PUBLIC
}
