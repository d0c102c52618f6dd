package io.trackline.page.application;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Use case: the shipment a tracking link names. The link is the only key (README "Tracking page"): shipment ids are
 * {@code shp_} and 22 random base62 characters, so anything else names no shipment and is not looked up.
 */
public final class ShowTrackingPage {
    private static final Pattern SHIPMENT_ID = Pattern.compile("shp_[0-9A-Za-z]{22}");

    private final TrackedPackages packages;

    public ShowTrackingPage(TrackedPackages packages) {
        this.packages = packages;
    }

    public Optional<TrackedPackage> show(String shipmentId) {
        if (shipmentId == null || !SHIPMENT_ID.matcher(shipmentId).matches()) return Optional.empty();
        return packages.find(shipmentId);
    }
}
