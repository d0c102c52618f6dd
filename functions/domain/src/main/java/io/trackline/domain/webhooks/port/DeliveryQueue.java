package io.trackline.domain.webhooks.port;

import io.trackline.domain.webhooks.Delivery;

import java.util.List;

/** Port: hands deliveries to the delivery function, each on its own, so no endpoint waits for another. */
public interface DeliveryQueue {
    void enqueue(List<Delivery> deliveries);
}
