package io.trackline.aws.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ingest queue's message body: one {@link ScanReport} as JSON. Written by the webhook function, read by the
 * processor; {@code version} lets both sides evolve.
 * <p>
 * SQS takes only some of Unicode ({@link SqsText}); JSON can carry anything. {@link #encode} therefore writes every
 * character SQS would refuse as a JSON escape ({@code \ud800}), so any report, whatever its text, is one message SQS
 * accepts and {@link #decode} gives it back. {@link #attributes} are the message attributes, made SQS-safe the same way
 * (they are informational: the processor reads only the body).
 */
public final class ScanReportCodec {
    static final int VERSION = 1;
    /** Times as written: a scan's {@code occurredAt} keeps the carrier's offset (Jackson would move it to UTC). */
    private static final ObjectReader READER = Json.mapper().readerFor(Message.class)
            .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private ScanReportCodec() {
    }

    public static String encode(ScanReport report) {
        var message = new Message(VERSION, report.source(), report.deliveryId(), report.receivedAt(),
                report.carrier().code(), report.trackingNumber().value(),
                report.estimate().map(e -> new Estimate(e.date(), e.reportedAt())).orElse(null),
                report.scans().stream().map(ScanReportCodec::toDto).toList());
        try {
            return SqsText.escapeForJson(Json.mapper().writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scan report always serialises", e);
        }
    }

    /** The message attributes: {@code source}, and {@code deliveryId} when the report has one; SQS-safe. */
    public static Map<String, String> attributes(ScanReport report) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("source", SqsText.replaceDisallowed(report.source()));
        if (report.deliveryId() != null) attributes.put("deliveryId", SqsText.replaceDisallowed(report.deliveryId()));
        return attributes;
    }

    /**
     * @throws IllegalArgumentException when the body is not a scan report this version understands (not JSON, another
     *                                  shape, a value the domain refuses); its message says why, for the DLQ's reason
     */
    public static ScanReport decode(String body) {
        if (body == null) throw new IllegalArgumentException("not a scan report: the message has no body");
        try {
            return read(body);
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().contains("scan report")) throw e;
            // the domain refused a value (a tracking number, a scan of another package ...), or the JSON held a null
            throw new IllegalArgumentException("not a scan report: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static ScanReport read(String body) {
        Message message;
        try {
            message = READER.readValue(body);
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
