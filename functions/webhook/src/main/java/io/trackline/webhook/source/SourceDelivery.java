package io.trackline.webhook.source;

import java.util.List;

/**
 * What one webhook said, in canonical form. {@code deliveryId} is the sender's id of this delivery ({@code null} when
 * the source has none); an event type we do not track (say, EasyPost's {@code batch.updated}) has no packages.
 * {@code cleanedTexts} are the JSON Pointers of the carrier texts the domain made printable
 * ({@link io.trackline.domain.tracking.CarrierText}), from {@link Field#cleanedTexts()}.
 */
public record SourceDelivery(String deliveryId, List<PackageUpdate> packages, List<String> cleanedTexts) {
    public SourceDelivery {
        packages = List.copyOf(packages);
        cleanedTexts = List.copyOf(cleanedTexts);
    }

    /** The packages read from {@code body}, with the texts it had to clean. */
    public static SourceDelivery of(String deliveryId, List<PackageUpdate> packages, Field body) {
        return new SourceDelivery(deliveryId, packages, body.cleanedTexts());
    }

    public static SourceDelivery ignored(String deliveryId) {
        return new SourceDelivery(deliveryId, List.of(), List.of());
    }
}
