package io.trackline.aws.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;
import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The ingest queue's message body: one {@link ScanReport} as JSON. Written by the webhook function, read by the
 * processor; {@code version} lets both sides evolve.
 */
public final class ScanReportCodec {
    static final int VERSION = 1;

    private ScanReportCodec() {
    }

    public static String encode(ScanReport report) {
        var message = new Message(VERSION, report.source(), report.deliveryId(), report.receivedAt(),
                report.carrier().code(), report.trackingNumber().value(),
                report.estimate().map(e -> new Estimate(e.date(), e.reportedAt())).orElse(null),
                report.scans().stream().map(ScanReportCodec::toDto).toList());
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scan report always serialises", e);
        }
    }

    /** @throws IllegalArgumentException when the body is not a scan report this version understands */
    public static ScanReport decode(String body) {
        Message message;
        try {
            message = Json.mapper().readValue(body, Message.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a scan report: " + e.getOriginalMessage(), e);
        }
        if (message.version() != VERSION) {
            throw new IllegalArgumentException("unsupported scan report version " + message.version());
        }
        Carrier carrier = Carrier.of(message.carrier());
        TrackingNumber trackingNumber = TrackingNumber.of(message.trackingNumber());
        List<Scan> scans = message.scans() == null ? List.of()
                : message.scans().stream().map(s -> fromDto(s, carrier, trackingNumber, message.source())).toList();
        return new ScanReport(message.source(), message.deliveryId(), message.receivedAt(), carrier, trackingNumber, scans,
                Optional.ofNullable(message.estimate()).map(e -> new CarrierEstimate(e.date(), e.reportedAt())));
    }

    private static ScanDto toDto(Scan s) {
        return new ScanDto(s.status(), s.occurredAt(), s.description(), s.location(), s.rawStatus(), s.rawSubStatus(),
                s.exceptionReason(), s.actionRequired(), s.carrierSaysDelayed());
    }

    private static Scan fromDto(ScanDto s, Carrier carrier, TrackingNumber trackingNumber, String source) {
        return new Scan(carrier, trackingNumber, s.status(), s.occurredAt(), s.description(), s.location(), source,
                s.rawStatus(), s.rawSubStatus(), s.exceptionReason(), s.actionRequired(), s.carrierSaysDelayed());
    }

    record Message(int version, String source, String deliveryId, Instant receivedAt, String carrier,
                   String trackingNumber, Estimate estimate, List<ScanDto> scans) {
    }

    record Estimate(LocalDate date, Instant reportedAt) {
    }

    record ScanDto(Status status, OffsetDateTime occurredAt, String description, Location location, String rawStatus,
                   String rawSubStatus, ExceptionReason exceptionReason, boolean actionRequired,
                   boolean carrierSaysDelayed) {
    }
}
