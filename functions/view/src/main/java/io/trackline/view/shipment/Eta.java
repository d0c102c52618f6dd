package io.trackline.view.shipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The promised date, the carrier's first and latest estimates, and every estimate as it was reported. */
public record Eta(LocalDate promised, LocalDate first, LocalDate latest, List<Estimate> history) {
    public static final Eta NONE = new Eta(null, null, null, List.of());

    public Eta {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** What a customer should expect now: the carrier's latest word, else the promise. */
    public Optional<LocalDate> expected() {
        return Optional.ofNullable(latest != null ? latest : promised);
    }

    public record Estimate(LocalDate date, Instant reportedAt) {
    }
}
