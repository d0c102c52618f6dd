package io.trackline.webhook.http.easypost;

import io.trackline.domain.tracking.Carrier;
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
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EasyPost {@code Event}s: {@code tracker.created} / {@code tracker.updated} carry the Tracker in {@code result}, its
 * whole history in {@code result.tracking_details}. Other event types (batches, refunds ...) are acknowledged and
 * ignored, so EasyPost does not retry them. Signed with {@code X-Hmac-Signature: hmac-sha256-hex=<hex>}, keyed with the
 * NFKD-normalised secret as EasyPost's client libraries do.
 */
public final class EasyPostSource implements WebhookSource {
    public static final String NAME = "easypost";
    public static final String HEADER = "x-hmac-signature";
    static final int MAX_DETAILS = 1000;
    private static final String PREFIX = "hmac-sha256-hex=";

    /** EasyPost's carrier names (its Carrier Accounts' {@code type} without "Account"). */
    private static final CarrierCodes CARRIERS = new CarrierCodes(Map.ofEntries(
            Map.entry("USPS", "usps"), Map.entry("UPS", "ups"), Map.entry("UPSMailInnovations", "ups"),
            Map.entry("FedEx", "fedex"), Map.entry("FedExSmartPost", "fedex"), Map.entry("DHLExpress", "dhl"),
            Map.entry("DHLEcommerce", "dhl-ecommerce"), Map.entry("DHLeCommerceSolutions", "dhl-ecommerce"),
            Map.entry("AmazonShipping", "amazon"), Map.entry("OnTrac", "ontrac"), Map.entry("LaserShip", "lasership"),
            Map.entry("CanadaPost", "canada-post"), Map.entry("Purolator", "purolator"),
            Map.entry("RoyalMail", "royal-mail"), Map.entry("DPDUK", "dpd"), Map.entry("DPD", "dpd"),
            Map.entry("AustraliaPost", "australia-post")));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void verify(WebhookRequest request, List<String> secrets, Instant now) {
        String header = Signatures.requireHeader(request, HEADER);
        if (!header.startsWith(PREFIX)) throw WebhookRejected.unauthorized("the " + HEADER + " header must start with " + PREFIX);
        byte[] given = Signatures.hex(header.substring(PREFIX.length()));
        if (given == null) throw WebhookRejected.unauthorized("the " + HEADER + " signature must be hex");
        if (secrets.isEmpty()) throw Signatures.noSecret(NAME);
        for (String secret : secrets) {
            if (Signatures.matches(Signatures.hmacSha256(key(secret), null, request.body()), given)) return;
        }
        throw Signatures.mismatch();
    }

    static byte[] key(String secret) {
        return Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
    }

    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(Signatures.hmacSha256(key(secret), null, body));
    }

    @Override
    public SourceDelivery parse(WebhookRequest request) {
        Field event = JsonBody.read(request.body());
        String id = event.get("id").requireIdentifier();
        String description = event.get("description").requireText();
        if (!description.startsWith("tracker.")) return SourceDelivery.ignored(id);
        Field tracker = event.get("result").requireObject();
        Carrier carrier = CARRIERS.require(tracker.get("carrier"));
        TrackingNumber trackingNumber = Packages.trackingNumber(tracker.get("tracking_code"));
        List<Field> details = tracker.get("tracking_details").elements(MAX_DETAILS);
        List<Scan> scans = new ArrayList<>(details.size());
        for (Field detail : details) scans.add(scan(carrier, trackingNumber, detail.requireObject()));
        return event.delivery(id, List.of(new PackageUpdate(carrier, trackingNumber, scans,
                Optional.ofNullable(Times.optionalDate(tracker.get("est_delivery_date"))))));
    }

    private static Scan scan(Carrier carrier, TrackingNumber trackingNumber, Field detail) {
        String status = detail.get("status").requireText();
        String statusDetail = detail.get("status_detail").optionalText();
        StatusMapping mapping = EasyPostStatusTable.map(status, statusDetail);
        Field where = detail.get("tracking_location");
        where.optionalObject();
        return new Scan(carrier, trackingNumber, mapping.status(), Times.requireZoned(detail.get("datetime")),
                detail.get("message").optionalText(),
                Locations.of(where.get("city").optionalText(), where.get("state").optionalText(),
                        where.get("zip").optionalText(), where.get("country")),
                NAME, status, statusDetail, mapping.reason(), mapping.actionRequired(), mapping.delayed());
    }
}
