package io.trackline.webhook.http.nativejson;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierText;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.webhook.application.WebhookRejected;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.CarrierCodes;
import io.trackline.webhook.http.Field;
import io.trackline.webhook.http.JsonBody;
import io.trackline.webhook.http.Locations;
import io.trackline.webhook.application.PackageUpdate;
import io.trackline.webhook.http.Packages;
import io.trackline.webhook.application.SourceDelivery;
import io.trackline.webhook.http.Times;
import io.trackline.webhook.application.WebhookSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Our canonical format ({@code events/native-webhook.schema.json}): one event, or {@code {"events": [...]}}. Statuses
 * and exception reasons are already canonical, so its "status table" is the {@link Status} enum itself; unknown fields
 * are refused so a misspelt field cannot drop data silently.
 */
public final class NativeSource implements WebhookSource {
    public static final String NAME = "native";
    public static final int MAX_EVENTS = 1000;

    private static final Set<String> ENVELOPE = Set.of("events");
    private static final Set<String> EVENT = Set.of("carrier", "trackingNumber", "status", "occurredAt", "description",
            "location", "rawStatus", "rawSubStatus", "exceptionReason", "actionRequired", "delayed", "estimatedDelivery");
    private static final Set<String> LOCATION = Set.of("city", "region", "postalCode", "country");
    private static final CarrierCodes CARRIERS = new CarrierCodes(Map.of());

    private final StandardWebhooksSignature signature = new StandardWebhooksSignature();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verify(WebhookRequest request, List<String> secrets, Instant now) {
        signature.verify(request, secrets, now);
    }

    @Override
    public SourceDelivery parse(WebhookRequest request) {
        Field root = JsonBody.read(request.body());
        List<Field> events;
        if (root.node().has("events")) {
            root.onlyMembers(ENVELOPE);
            Field list = root.get("events");
            if (list.isAbsent()) throw list.invalid("must be an array of events");
            events = list.elements(MAX_EVENTS);
        } else {
            events = List.of(root);
        }
        List<PackageUpdate> packages = new ArrayList<>(events.size());
        for (Field event : events) packages.add(event(event.requireObject()));
        return root.delivery(deliveryId(request), packages);
    }

    /**
     * The {@code webhook-id} header, refused (400) when not printable or too long; the signature check has read it.
     * Standard Webhooks calls it the idempotency key, but Trackline's is the scan's {@code ScanKey}: this function keeps
     * no state, so a re-used id with another body is accepted for its new scans (README "Webhooks").
     */
    private static String deliveryId(WebhookRequest request) {
        String id = request.header(StandardWebhooksSignature.ID);
        if (id == null || (CarrierText.isClean(id) && id.length() <= Field.MAX_IDENTIFIER_LENGTH)) return id;
        throw WebhookRejected.malformed("the " + StandardWebhooksSignature.ID + " header must be at most "
                + Field.MAX_IDENTIFIER_LENGTH + " printable characters (no control or bidirectional characters, no unpaired surrogates)");
    }

    private static PackageUpdate event(Field event) {
        event.onlyMembers(EVENT);
        Carrier carrier = CARRIERS.require(event.get("carrier"));
        TrackingNumber trackingNumber = Packages.trackingNumber(event.get("trackingNumber"));
        Status status = enumValue(Status.class, event.get("status"));
        if (status == null) throw event.get("status").invalid("is required");
        Field at = event.get("location");
        if (at.optionalObject() != null) at.onlyMembers(LOCATION);
        Scan scan = new Scan(carrier, trackingNumber, status, Times.requireZoned(event.get("occurredAt")),
                event.get("description").optionalText(),
                Locations.of(at.get("city").optionalText(), at.get("region").optionalText(),
                        at.get("postalCode").optionalText(), at.get("country")),
                NAME,
                Optional.ofNullable(event.get("rawStatus").optionalText()).orElse(status.name()),
                event.get("rawSubStatus").optionalText(),
                enumValue(ExceptionReason.class, event.get("exceptionReason")),
                event.get("actionRequired").optionalBoolean(),
                event.get("delayed").optionalBoolean());
        LocalDate estimate = Times.optionalDate(event.get("estimatedDelivery"));
        return new PackageUpdate(carrier, trackingNumber, List.of(scan), Optional.ofNullable(estimate));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Field field) {
        String raw = field.optionalText();
        if (raw == null) return null;
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw field.invalid("is not a known " + type.getSimpleName() + " (see events/native-webhook.schema.json)");
        }
    }
}
