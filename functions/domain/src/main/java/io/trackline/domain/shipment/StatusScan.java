package io.trackline.domain.shipment;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.Status;

import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * The scan that set the current status, with what the status needs from it. Which scan that is does not depend on
 * arrival order: a terminal scan outranks any non-terminal one (terminal never reopens), then the later
 * {@code occurredAt} wins, and equal instants are broken by scan key so every replica picks the same scan.
 */
public record StatusScan(Status status, OffsetDateTime occurredAt, ScanKey key, ExceptionReason exceptionReason,
                         boolean actionRequired, boolean carrierSaysDelayed) {

    private static final Comparator<StatusScan> PRECEDENCE = Comparator
            .comparing((StatusScan s) -> s.status().isTerminal())
            .thenComparing(s -> s.occurredAt().toInstant())
            .thenComparing(s -> s.key().value());

    public static StatusScan of(Scan scan) {
        return new StatusScan(scan.status(), scan.occurredAt(), scan.key(), scan.exceptionReason(),
                scan.actionRequired(), scan.carrierSaysDelayed());
    }

    /** Whether this scan should set the status instead of {@code current} (which may be {@code null}). */
    public boolean supersedes(StatusScan current) {
        return current == null || PRECEDENCE.compare(this, current) > 0;
    }
}
