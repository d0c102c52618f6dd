package io.trackline.local.bench.cost;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run spent, in billable units, against the carrier scans it carried: units per scan and dollars per million
 * scans at {@link Price}'s list prices, by service. The prices printed apart (SMS, X-Ray) stay out of the total.
 */
public final class Bill {
    private static final double KB = 1024, GB = 1024 * 1024 * 1024;

    private final long scans;
    private final Map<Price, Double> units = new EnumMap<>(Price.class);

    public Bill(long scans) {
        if (scans <= 0) throw new IllegalArgumentException("a bill needs scans, got " + scans);
        this.scans = scans;
    }

    public Bill add(Price price, double amount) {
        units.merge(price, amount, Double::sum);
        return this;
    }

    /** Lambda's GB-seconds of an invocation billed {@code billedMs} at {@code memoryMb} (MemorySize). */
    public static double gbSeconds(long billedMs, int memoryMb) {
        return billedMs / 1000.0 * memoryMb / KB;
    }

    /** Log bytes in GB, as CloudWatch Logs meters ingestion. */
    public static double gigabytes(long bytes) {
        return bytes / GB;
    }

    /** Requests as SQS and SNS meter them: every started 64 KB of payload is one. */
    public static long chunks64k(long payloadBytes) {
        return Math.max(1, (payloadBytes + 64 * 1024 - 1) / (64 * 1024));
    }

    public long scans() {
        return scans;
    }

    public double units(Price price) {
        return units.getOrDefault(price, 0.0);
    }

    public double perScan(Price price) {
        return units(price) / scans;
    }

    public double dollarsPerMillionScans(Price price) {
        return perScan(price) * price.dollars() * 1_000_000;
    }

    /** Dollars per million scans by service, in {@link Price}'s order, per-scan prices only. */
    public Map<String, Double> byService() {
        Map<String, Double> services = new LinkedHashMap<>();
        for (Price price : Price.values()) {
            if (price.perScan()) services.merge(price.service(), dollarsPerMillionScans(price), Double::sum);
        }
        return services;
    }

    /** Dollars per million scans, every per-scan price. */
    public double totalPerMillionScans() {
        return byService().values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
