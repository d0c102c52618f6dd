package io.trackline.relay.application;

import io.trackline.domain.shipment.Announcement;

import java.util.List;

/**
 * One write of the table as its stream record shows it: which record, and the item's outbox before and after the write.
 * The outbox is decoded when asked, so an entry that cannot be decoded fails its own record, not the batch's reading.
 * Lambda's records ({@code InvokedChange}) and those read back from the stream ({@code ReadBackChange}) are two.
 */
public interface StreamChange {
    String eventId();

    String sequenceNumber();

    List<Announcement> before();

    List<Announcement> after();
}
