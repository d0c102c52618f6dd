package io.trackline.domain.tracking;

/** Furthest forward progress a shipment has reached; it only ever moves forward. */
public enum Milestone {
    LABEL_CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED;

    public boolean isBefore(Milestone other) {
        return compareTo(other) < 0;
    }

    /** The further of two milestones; {@code null} stands for "none reached yet". */
    public static Milestone furthest(Milestone a, Milestone b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
