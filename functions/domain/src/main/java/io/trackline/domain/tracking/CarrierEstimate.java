package io.trackline.domain.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A carrier's estimated delivery date, as reported at {@code reportedAt}. */
public record CarrierEstimate(LocalDate date, Instant reportedAt) {
    public CarrierEstimate {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
