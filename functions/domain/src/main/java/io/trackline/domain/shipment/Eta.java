package io.trackline.domain.shipment;

import io.trackline.domain.tracking.CarrierEstimate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Expected delivery: the promised date from registration and the carrier's estimates. {@code history} keeps each
 * estimated date once, with the first time it was reported, so re-sent webhooks do not grow it and the result does not
 * depend on the order estimates arrive in.
 */
public record Eta(LocalDate promised, CarrierEstimate first, CarrierEstimate latest, List<CarrierEstimate> history) {
    private static final Comparator<CarrierEstimate> BY_REPORT =
            Comparator.comparing(CarrierEstimate::reportedAt).thenComparing(CarrierEstimate::date);

    public Eta {
        history = List.copyOf(history);
    }

    public static Eta promised(LocalDate promised) {
        return new Eta(promised, null, null, List.of());
    }

    public Eta with(Collection<CarrierEstimate> estimates) {
        if (estimates.isEmpty()) return this;
        CarrierEstimate newFirst = first;
        CarrierEstimate newLatest = latest;
        TreeMap<LocalDate, CarrierEstimate> byDate = new TreeMap<>();
        for (CarrierEstimate known : history) byDate.put(known.date(), known);
        for (CarrierEstimate estimate : estimates) {
            if (newFirst == null || BY_REPORT.compare(estimate, newFirst) < 0) newFirst = estimate;
            if (newLatest == null || BY_REPORT.compare(estimate, newLatest) > 0) newLatest = estimate;
            byDate.merge(estimate.date(), estimate, (a, b) -> BY_REPORT.compare(a, b) <= 0 ? a : b);
        }
        return new Eta(promised, newFirst, newLatest, byDate.values().stream().sorted(BY_REPORT).toList());
    }

    /** The date the package is due: the carrier's latest estimate, else the promised date. */
    public Optional<LocalDate> due() {
        return latest != null ? Optional.of(latest.date()) : Optional.ofNullable(promised);
    }

    /** The latest estimate is a day or more after the promise (or, with no promise, after the first estimate). */
    public boolean slipped() {
        if (latest == null) return false;
        LocalDate baseline = promised != null ? promised : first.date();
        return latest.date().isAfter(baseline);
    }
}
