package io.trackline.notifier.adapter.templates;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.SmsText;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.notifier.application.AlertTexts;
import io.trackline.notifier.application.EmailSender.EmailMessage;
import io.trackline.notifier.application.ShipmentSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Composes the SMS and the email for an alert from the templates. An SMS is one segment, never split: the full text
 * if it fits (160 GSM-7 characters, or 70 when a character such as {@code ł} forces UCS-2), else the short text, else
 * the minimal one.
 */
public final class AlertMessages implements AlertTexts {
    private static final DateTimeFormatter SMS_DATE = DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter EMAIL_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.ENGLISH);
    private static final int HISTORY_LINES = 5;

    private final Templates templates = new Templates();
    private final Properties reasons = loadReasons();
    private final String trackingPageUrl;

    /** @param trackingPageUrl base of the tracking page; the shipment id is appended */
    public AlertMessages(String trackingPageUrl) {
        this.trackingPageUrl = trackingPageUrl.endsWith("/") ? trackingPageUrl : trackingPageUrl + "/";
    }

    @Override
    public String sms(ShipmentEvent event, ShipmentSnapshot shipment) {
        Map<String, String> values = values(event, shipment);
        String trigger = event.trigger().name();
        for (String path : List.of("sms/" + trigger + ".txt", "sms/short/" + trigger + ".txt", "sms/minimal.txt")) {
            String text = Templates.render(templates.get(path), values);
            if (SmsText.fitsOneSegment(text)) return text;
        }
        throw new IllegalStateException("even the minimal SMS does not fit one segment: shorten TRACKING_PAGE_URL");
    }

    @Override
    public EmailMessage email(ShipmentEvent event, ShipmentSnapshot shipment) {
        Map<String, String> values = values(event, shipment);
        String[] parts = templates.get("email/" + event.trigger().name() + ".txt").split("\\R\\R", 2);
        String subject = Templates.render(parts[0].replaceFirst("^Subject: ", ""), values);
        values.put("lead", Templates.render(parts[1], values));
        values.put("history", history(shipment));
        values.put("trackingNumber", event.trackingNumber() == null ? "" : event.trackingNumber());
        values.put("etaText", eta(event, shipment).map(EMAIL_DATE::format).orElse("not known yet"));
        return new EmailMessage(subject, Templates.render(templates.get("email/layout.txt"), values));
    }

    private Map<String, String> values(ShipmentEvent event, ShipmentSnapshot shipment) {
        Map<String, String> values = new HashMap<>();
        values.put("carrier", event.carrier() == null ? "Your carrier" : event.carrier().toUpperCase(Locale.ROOT));
        values.put("tracking", trackingTail(event.trackingNumber()));
        values.put("link", trackingPageUrl + event.shipmentId());
        String city = event.location() == null ? null : event.location().city();
        values.put("inCity", city == null || city.isBlank() ? "" : " in " + city);
        ExceptionReason reason = event.exceptionReason() == null ? ExceptionReason.OTHER : event.exceptionReason();
        values.put("reason", reasons.getProperty(reason.name(), reasons.getProperty("OTHER")));
        values.put("etaSentence", eta(event, shipment).map(date -> " Now expected " + SMS_DATE.format(date) + ".").orElse(""));
        return values;
    }

    private static Optional<LocalDate> eta(ShipmentEvent event, ShipmentSnapshot shipment) {
        return Optional.ofNullable(event.eta()).or(shipment::eta);
    }

    /** The last four characters are enough to tell packages apart, and keep the SMS short. */
    private static String trackingTail(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) return "";
        return " ending " + trackingNumber.substring(Math.max(0, trackingNumber.length() - 4));
    }

    private static String history(ShipmentSnapshot shipment) {
        if (shipment.recentScans().isEmpty()) return "- no scans yet";
        return shipment.recentScans().stream().limit(HISTORY_LINES)
                .map(scan -> "- " + scan.occurredAt() + "  " + (scan.description() == null ? scan.status() : scan.description())
                        + (scan.city() == null ? "" : " (" + scan.city() + ")"))
                .collect(Collectors.joining("\n"));
    }

    private static Properties loadReasons() {
        Properties properties = new Properties();
        try (InputStream in = AlertMessages.class.getResourceAsStream("/templates/reasons.properties")) {
            if (in == null) throw new IllegalStateException("templates/reasons.properties is missing");
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
