package io.trackline.webhook.http.aftership;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.CarrierCodes;
import io.trackline.webhook.http.Field;
import io.trackline.webhook.http.JsonBody;
import io.trackline.webhook.http.Locations;
import io.trackline.webhook.application.PackageUpdate;
import io.trackline.webhook.http.Packages;
import io.trackline.webhook.http.Signatures;
import io.trackline.webhook.application.SourceDelivery;
import io.trackline.webhook.http.StatusMapping;
import io.trackline.webhook.http.Times;
import io.trackline.webhook.application.WebhookSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AfterShip {@code tracking_update} and {@code edd_revise} webhooks: the tracking in {@code msg}, every checkpoint again
 * in {@code msg.checkpoints}. Signed with {@code aftership-hmac-sha256: <base64 HMAC-SHA256(secret, body)>}. Other
 * event types are acknowledged and ignored.
 */
public final class AfterShipSource implements WebhookSource {
    public static final String NAME = "aftership";
    public static final String HEADER = "aftership-hmac-sha256";
    static final int MAX_CHECKPOINTS = 1000;

    /** AfterShip courier slugs whose canonical slug differs; the rest ({@code usps}, {@code fedex} ...) are ours already. */
    private static final CarrierCodes CARRIERS = new CarrierCodes(Map.of(
            "dhl-global-mail", "dhl-ecommerce", "dhl-ecommerce", "dhl-ecommerce", "amazon-shipping", "amazon",
            "amazon", "amazon", "dpd-uk", "dpd", "australia-post", "australia-post", "canada-post", "canada-post",
            "royal-mail", "royal-mail", "gls", "gls"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verify(WebhookRequest request, List<String> secrets, Instant now) {
        byte[] given = Signatures.base64(Signatures.requireHeader(request, HEADER));
        if (given == null) throw WebhookRejected.unauthorized("the " + HEADER + " signature must be base64");
        if (secrets.isEmpty()) throw Signatures.noSecret(NAME);
        for (String secret : secrets) {
            byte[] expected = Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), null, request.body());
            if (Signatures.matches(expected, given)) return;
        }
        throw Signatures.mismatch();
    }

    public static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(Signatures.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), null, body));
    }

    @Override
    public SourceDelivery parse(WebhookRequest request) {
        Field root = JsonBody.read(request.body());
        String eventId = root.get("event_id").requireIdentifier();
        String event = root.get("event").requireText();
        if (!event.equals("tracking_update") && !event.equals("edd_revise")) return SourceDelivery.ignored(eventId);
        Field msg = root.get("msg").requireObject();
        Carrier carrier = CARRIERS.require(msg.get("slug"));
        TrackingNumber trackingNumber = Packages.trackingNumber(msg.get("tracking_number"));
        List<Field> checkpoints = msg.get("checkpoints").elements(MAX_CHECKPOINTS);
        List<Scan> scans = new ArrayList<>(checkpoints.size());
        for (Field checkpoint : checkpoints) scans.add(scan(carrier, trackingNumber, checkpoint.requireObject()));
        return root.delivery(eventId, List.of(new PackageUpdate(carrier, trackingNumber, scans, estimate(msg))));
    }

    private static Scan scan(Carrier carrier, TrackingNumber trackingNumber, Field checkpoint) {
        String tag = checkpoint.get("tag").requireText();
        String subtag = checkpoint.get("subtag").optionalText();
        StatusMapping mapping = AfterShipStatusTable.map(tag, subtag);
        Field countryField = checkpoint.get("country_region").isAbsent() ? checkpoint.get("country_iso3") : checkpoint.get("country_region");
        Location location = Locations.of(checkpoint.get("city").optionalText(), checkpoint.get("state").optionalText(),
                checkpoint.get("zip").optionalText(), countryField);
        return new Scan(carrier, trackingNumber, mapping.status(),
                CheckpointTime.read(checkpoint.get("checkpoint_time"), location.country()),
                checkpoint.get("message").optionalText(), location, NAME, tag, subtag, mapping.reason(),
                mapping.actionRequired(), mapping.delayed());
    }

    /**
     * The carrier's latest word on delivery: AfterShip's latest estimate (the end of a range), else its own predicted
     * date, else the carrier's {@code expected_delivery}. {@code custom_estimated_delivery_date} is the merchant's
     * promise, which Trackline already has from registration, so it is not a carrier estimate.
     */
    private static Optional<LocalDate> estimate(Field msg) {
        Field latest = msg.get("latest_estimated_delivery");
        if (latest.optionalObject() != null) {
            LocalDate date = Times.optionalDate(latest.get("datetime"));
            if (date == null) date = Times.optionalDate(latest.get("datetime_max"));
            if (date != null) return Optional.of(date);
        }
        Field predicted = msg.get("aftership_estimated_delivery_date");
        if (predicted.optionalObject() != null) {
            LocalDate date = Times.optionalDate(predicted.get("estimated_delivery_date"));
            if (date != null) return Optional.of(date);
        }
        return Optional.ofNullable(Times.optionalDate(msg.get("expected_delivery")));
    }
}
