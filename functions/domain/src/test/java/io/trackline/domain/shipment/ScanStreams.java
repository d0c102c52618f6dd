package io.trackline.domain.shipment;

import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generators for the order-safety properties: a set of scans and estimates of one package, and a delivery of it with
 * any order, any duplication, split into any batches (as carriers and SQS deliver).
 */
public final class ScanStreams {
    private static final Instant BASE = Instant.parse("2026-03-02T06:00:00Z");

    private ScanStreams() {
    }

    public static Arbitrary<Scan> scans() {
        return Combinators.combine(
                Arbitraries.of(Status.values()),
                Arbitraries.integers().between(0, 6 * 24 * 60),
                Arbitraries.of("Chicago", "Springfield", "Louisville"),
                Arbitraries.integers().between(-8, 2)
        ).as((status, minute, city, offset) -> new Scan(Scans.CARRIER, Scans.TRACKING, status,
                OffsetDateTime.ofInstant(BASE.plusSeconds(minute * 60L), ZoneOffset.ofHours(offset)), status + " in " + city,
                new Location(city, null, null, "US"), "native", status.name(), null, null, minute % 7 == 0, minute % 11 == 0));
    }

    public static Arbitrary<CarrierEstimate> estimates() {
        return Combinators.combine(Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 5000))
                .as((day, minute) -> new CarrierEstimate(LocalDate.parse("2026-03-04").plusDays(day),
                        BASE.plusSeconds(minute * 60L)));
    }

    /** One thing a webhook may carry: a scan or an estimate. */
    public record Item(Scan scan, CarrierEstimate estimate) {
    }

    /** Every item at least once, some several times, shuffled, cut into batches of 1 to 4 items. */
    public static List<List<Item>> deliveries(List<Scan> scans, List<CarrierEstimate> estimates, long seed) {
        Random random = new Random(seed);
        List<Item> items = new ArrayList<>();
        scans.forEach(s -> items.add(new Item(s, null)));
        estimates.forEach(e -> items.add(new Item(null, e)));
        int duplicates = random.nextInt(items.size() + 1);
        for (int i = 0; i < duplicates; i++) items.add(items.get(random.nextInt(items.size())));
        Collections.shuffle(items, random);
        List<List<Item>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); ) {
            int to = Math.min(items.size(), from + 1 + random.nextInt(4));
            batches.add(List.copyOf(items.subList(from, to)));
            from = to;
        }
        return batches;
    }
}
