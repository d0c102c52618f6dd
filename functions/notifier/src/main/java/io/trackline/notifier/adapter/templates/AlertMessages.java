package io.trackline.notifier.adapter.templates;

import io.trackline.domain.Language;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.SmsText;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.notifier.application.AlertTexts;
import io.trackline.notifier.application.EmailSender.EmailMessage;
import io.trackline.notifier.application.ShipmentSnapshot;

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
 * Composes the SMS and the email for an alert from the templates of its language ({@code templates/<tag>/}: English
 * when the customer named none). An SMS is one segment, never split: the full text if it fits (160 GSM-7 characters,
 * or 70 when a character such as {@code ł} forces UCS-2), else the short text, else the minimal one. The tracking
 * link carries {@code ?lang=<tag>} when the customer named a language, so the page opens in it too.
 */
public final class AlertMessages implements AlertTexts {
    private static final int HISTORY_LINES = 5;

    private final Templates templates = new Templates();
    private final String trackingPageUrl;

    /** @param trackingPageUrl base of the tracking page; the shipment id is appended */
    public AlertMessages(String trackingPageUrl) {
        this.trackingPageUrl = trackingPageUrl.endsWith("/") ? trackingPageUrl : trackingPageUrl + "/";
    }

    @Override
    public String sms(ShipmentEvent event, ShipmentSnapshot shipment, Optional<Language> preferred) {
        Language language = preferred.orElse(Language.EN);
        Map<String, String> values = values(event, shipment, preferred);
        String sms = language.tag() + "/sms/";
        String trigger = event.trigger().name();
        for (String path : List.of(sms + trigger + ".txt", sms + "short/" + trigger + ".txt", sms + "minimal.txt")) {
            String text = Templates.render(templates.get(path), values);
            if (SmsText.fitsOneSegment(text)) return text;
        }
        throw new IllegalStateException("even the minimal SMS does not fit one segment: shorten TRACKING_PAGE_URL");
    }

    @Override
    public EmailMessage email(ShipmentEvent event, ShipmentSnapshot shipment, Optional<Language> preferred) {
        Language language = preferred.orElse(Language.EN);
        Phrases phrases = phrases(language);
        Map<String, String> values = values(event, shipment, preferred);
        String[] parts = templates.get(language.tag() + "/email/" + event.trigger().name() + ".txt").split("\\R\\R", 2);
        String subject = Templates.render(parts[0].replaceFirst("^Subject: ", ""), values);
        values.put("lead", Templates.render(parts[1], values));
        values.put("history", history(shipment, phrases));
        values.put("trackingNumber", event.trackingNumber() == null ? "" : event.trackingNumber());
        values.put("etaText", eta(event, shipment).map(date -> phrases.date("format.emailDate", date)).orElse(phrases.get("etaUnknown")));
        return new EmailMessage(subject, Templates.render(templates.get(language.tag() + "/email/layout.txt"), values));
    }

    private Map<String, String> values(ShipmentEvent event, ShipmentSnapshot shipment, Optional<Language> preferred) {
        Phrases phrases = phrases(preferred.orElse(Language.EN));
        Map<String, String> values = new HashMap<>();
        values.put("carrier", event.carrier() == null ? phrases.get("yourCarrier") : event.carrier().toUpperCase(Locale.ROOT));
        values.put("tracking", trackingTail(event.trackingNumber()).map(tail -> phrases.get("tracking", "tail", tail)).orElse(""));
        values.put("link", trackingPageUrl + event.shipmentId() + preferred.map(language -> "?lang=" + language.tag()).orElse(""));
        String city = event.location() == null ? null : event.location().city();
        values.put("inCity", city == null || city.isBlank() ? "" : phrases.get("inCity", "city", city));
        ExceptionReason reason = event.exceptionReason() == null ? ExceptionReason.OTHER : event.exceptionReason();
        values.put("reason", phrases.reason(reason));
        values.put("etaSentence", eta(event, shipment)
                .map(date -> phrases.get("etaSentence", "date", phrases.date("format.smsDate", date))).orElse(""));
        return values;
    }

    private Phrases phrases(Language language) {
        return new Phrases(templates.properties(language.tag() + "/phrases.properties"), language);
    }

    private static Optional<LocalDate> eta(ShipmentEvent event, ShipmentSnapshot shipment) {
        return Optional.ofNullable(event.eta()).or(shipment::eta);
    }

    /** The last four characters are enough to tell packages apart, and keep the SMS short. */
    private static Optional<String> trackingTail(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) return Optional.empty();
        return Optional.of(trackingNumber.substring(Math.max(0, trackingNumber.length() - 4)));
    }

    private static String history(ShipmentSnapshot shipment, Phrases phrases) {
        if (shipment.recentScans().isEmpty()) return "- " + phrases.get("noScans");
        return shipment.recentScans().stream().limit(HISTORY_LINES)
                .map(scan -> "- " + scan.occurredAt() + "  " + (scan.description() == null ? scan.status() : scan.description())
                        + (scan.city() == null ? "" : " (" + scan.city() + ")"))
                .collect(Collectors.joining("\n"));
    }

    /** One language's phrases ({@code templates/<tag>/phrases.properties}): the pieces an alert's templates put together. */
    private record Phrases(Properties texts, Language language) {
        /** The phrase {@code key} with each {@code {{name}}} filled by the value after it; spaces kept. */
        String get(String key, String... namesAndValues) {
            String phrase = texts.getProperty(key);
            if (phrase == null) throw new IllegalStateException("no phrase " + key + " in templates/" + language.tag());
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) values.put(namesAndValues[i], namesAndValues[i + 1]);
            return Templates.fill(phrase, values);
        }

        String reason(ExceptionReason reason) {
            return texts.containsKey("reason." + reason.name()) ? get("reason." + reason.name()) : get("reason.OTHER");
        }

        /** {@code date} with the pattern of the phrase {@code formatKey}, in this language. */
        String date(String formatKey, LocalDate date) {
            return DateTimeFormatter.ofPattern(get(formatKey), language.locale()).format(date);
        }
    }
}
