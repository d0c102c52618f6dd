package io.trackline.engine.dynamodb;

import io.trackline.domain.shipment.Eta;
import io.trackline.domain.tracking.CarrierEstimate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.trackline.engine.dynamodb.Attributes.string;
import static io.trackline.engine.dynamodb.Attributes.stringOrNull;

/**
 * The shipment's {@code eta} attribute (README "Data model"): {@code {promised, latest, latestReportedAt, history}},
 * each history entry one string {@code <date>/<reportedAt in epoch seconds>} ({@code 2026-03-06/1772359200.25}),
 * oldest report first. The first estimate is the first history entry, so it is not stored again; of the latest only
 * its date (what the notifier and the API read) and, unless it is the last history entry, its report time (an
 * aggregator repeats the current estimate with every webhook). Every byte of the shipment item is billed on every
 * save. Reads the former layout too (history of {@code {date, reportedAt}} maps, ISO instants, {@code first}).
 */
public final class EtaAttribute {
    private static final char SEPARATOR = '/';

    private EtaAttribute() {
    }

    static Attributes encode(Eta eta) {
        List<CarrierEstimate> history = eta.history();
        CarrierEstimate first = eta.first();
        CarrierEstimate latest = eta.latest();
        boolean firstIsOldest = first == null || !history.isEmpty() && first.equals(history.getFirst());
        boolean latestIsNewest = latest == null || !history.isEmpty() && latest.equals(history.getLast());
        Attributes attributes = Attributes.item()
                .s("promised", eta.promised())
                .s("latest", latest == null ? null : latest.date())
                .epoch("latestReportedAt", latestIsNewest ? null : latest.reportedAt())
                .s("first", firstIsOldest ? null : first.date())
                .epoch("firstReportedAt", firstIsOldest ? null : first.reportedAt());
        if (!history.isEmpty()) {
            attributes.put("history", AttributeValue.fromL(history.stream()
                    .map(e -> AttributeValue.fromS(e.date().toString() + SEPARATOR + Attributes.epochSeconds(e.reportedAt())))
                    .toList()));
        }
        return attributes;
    }

    /** The shipment item's ETA (promised date, first and latest carrier estimate, history). */
    public static Eta decode(Map<String, AttributeValue> shipmentItem) {
        Map<String, AttributeValue> eta = Attributes.nested(shipmentItem, "eta");
        AttributeValue stored = eta.get("history");
        List<CarrierEstimate> history = stored == null || !stored.hasL() ? List.of()
                : stored.l().stream().map(EtaAttribute::entry).toList();
        CarrierEstimate first = string(eta, "first").map(date -> estimate(date, eta, "firstReportedAt", history))
                .orElse(history.isEmpty() ? null : history.getFirst());
        CarrierEstimate latest = string(eta, "latest").map(date -> estimate(date, eta, "latestReportedAt", history))
                .orElse(null);
        return new Eta(string(eta, "promised").map(LocalDate::parse).orElse(null), first, latest, history);
    }

    /**
     * An estimate of {@code date} reported at the {@code reportedAt} attribute, or else as the history has it: the
     * latest estimate is the last history entry unless {@code latestReportedAt} says otherwise.
     */
    private static CarrierEstimate estimate(String date, Map<String, AttributeValue> eta, String reportedAt,
                                            List<CarrierEstimate> history) {
        LocalDate day = LocalDate.parse(date);
        return Optional.ofNullable(Attributes.instant(eta, reportedAt)).map(at -> new CarrierEstimate(day, at))
                .orElseGet(() -> history.stream().filter(e -> e.date().equals(day)).findFirst().orElse(null));
    }

    private static CarrierEstimate entry(AttributeValue entry) {
        if (entry.hasM()) {
            return new CarrierEstimate(LocalDate.parse(stringOrNull(entry.m(), "date")), Attributes.instant(entry.m(), "reportedAt"));
        }
        int separator = entry.s().indexOf(SEPARATOR);
        return new CarrierEstimate(LocalDate.parse(entry.s().substring(0, separator)),
                Attributes.instant(entry.s().substring(separator + 1)));
    }
}
