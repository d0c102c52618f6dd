package io.trackline.webhook.source;

import java.util.List;

/**
 * What one webhook said, in canonical form. {@code deliveryId} is the sender's id of this delivery ({@code null} when
 * the source has none); an event type we do not track (say, EasyPost's {@code batch.updated}) has no packages.
 */
public record SourceDelivery(String deliveryId, List<PackageUpdate> packages) {
    public SourceDelivery {
        packages = List.copyOf(packages);
    }

    public static SourceDelivery ignored(String deliveryId) {
        return new SourceDelivery(deliveryId, List.of());
    }
}
