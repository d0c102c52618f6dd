package io.trackline.webhook.http.shippo;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.TrackingNumber;
import io.trackline.webhook.application.WebhookRequest;
import io.trackline.webhook.http.CarrierCodes;
import io.trackline.webhook.http.Field;
import io.trackline.webhook.http.JsonBody;
import io.trackline.webhook.http.Locations;
import io.trackline.webhook.application.PackageUpdate;
import io.trackline.webhook.http.Packages;
import io.trackline.webhook.application.SourceDelivery;
import io.trackline.webhook.http.StatusMapping;
import io.trackline.webhook.http.Times;
import io.trackline.webhook.application.WebhookSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shippo {@code track_updated} webhooks: the current status in {@code data.tracking_status}, the history in
 * {@code data.tracking_history} (which normally repeats the current status as its last entry, so that copy is not
 * counted twice). Shippo sends no delivery id: re-sends are recognised by scan identity alone.
 */
public final class ShippoSource implements WebhookSource {
    public static final String NAME = "shippo";
    static final int MAX_HISTORY = 1000;

    /** Shippo carrier tokens whose canonical slug differs. */
    private static final CarrierCodes CARRIERS = new CarrierCodes(Map.of(
            "dhl_express", "dhl", "dhl_ecommerce", "dhl-ecommerce", "canada_post", "canada-post",
            "australia_post", "australia-post", "royal_mail", "royal-mail", "dpd_uk", "dpd", "amazon_shipping", "amazon"));

    private final ShippoSignature signature = new ShippoSignature();

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
        if (!"track_updated".equals(root.get("event").requireText())) return SourceDelivery.ignored(null);
        Field data = root.get("data").requireObject();
        Carrier carrier = CARRIERS.require(data.get("carrier"));
        TrackingNumber trackingNumber = Packages.trackingNumber(data.get("tracking_number"));
        List<Field> history = data.get("tracking_history").elements(MAX_HISTORY);
        List<Scan> scans = new ArrayList<>(history.size() + 1);
        Set<ScanKey> keys = new HashSet<>();
        for (Field entry : history) {
            Scan scan = scan(carrier, trackingNumber, entry.requireObject());
            scans.add(scan);
            keys.add(scan.key());
        }
        Field current = data.get("tracking_status");
        if (current.optionalObject() != null) {
            Scan scan = scan(carrier, trackingNumber, current);
            if (!keys.contains(scan.key())) scans.add(scan);
        }
        LocalDate eta = Times.optionalDate(data.get("eta"));
        return root.delivery(null, List.of(new PackageUpdate(carrier, trackingNumber, scans, Optional.ofNullable(eta))));
    }

    private static Scan scan(Carrier carrier, TrackingNumber trackingNumber, Field entry) {
        String status = entry.get("status").requireText();
        Field substatus = entry.get("substatus");
        String code = null;
        boolean shippoSaysAct = false;
        if (substatus.optionalObject() != null) {
            code = substatus.get("code").optionalText();
            shippoSaysAct = substatus.get("action_required").optionalBoolean();
        }
        StatusMapping mapping = ShippoStatusTable.map(status, code);
        Field where = entry.get("location");
        where.optionalObject();
        return new Scan(carrier, trackingNumber, mapping.status(), Times.requireZoned(entry.get("status_date")),
                entry.get("status_details").optionalText(),
                Locations.of(where.get("city").optionalText(), where.get("state").optionalText(),
                        where.get("zip").optionalText(), where.get("country")),
                NAME, status, code, mapping.reason(), mapping.actionRequired() || shippoSaysAct, mapping.delayed());
    }
}
