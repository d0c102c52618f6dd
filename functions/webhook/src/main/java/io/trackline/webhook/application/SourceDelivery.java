package io.trackline.webhook.application;

import java.util.List;

/**
 * What one webhook said, in canonical form. {@code deliveryId} is the sender's id of this delivery ({@code null} when
 * the source has none); an event type we do not track (say, EasyPost's {@code batch.updated}) has no packages.
 * {@code cleanedTexts} are the JSON Pointers of the carrier texts the domain made printable
 * ({@link io.trackline.domain.tracking.CarrierText}).
 */
public record SourceDelivery(String deliveryId, List<PackageUpdate> packages, List<String> cleanedTexts) {
    public SourceDelivery {
        packages = List.copyOf(packages);
        cleanedTexts = List.copyOf(cleanedTexts);
    }

    public static SourceDelivery ignored(String deliveryId) {
        return new SourceDelivery(deliveryId, List.of(), List.of());
    }
}
