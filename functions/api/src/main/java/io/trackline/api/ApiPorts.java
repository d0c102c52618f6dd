package io.trackline.api;

import io.trackline.api.address.DeliveryAddresses;
import io.trackline.api.auth.ApiKeyRegistry;
import io.trackline.api.issues.Cases;
import io.trackline.api.issues.SupportDesk;
import io.trackline.api.preferences.EmailSubscriptions;
import io.trackline.api.preferences.PreferencesStore;
import io.trackline.api.registration.ShipmentRegistration;
import io.trackline.api.tracking.TrackingQueries;
import io.trackline.api.webhooks.WebhookPorts;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** Everything the API talks to, as ports; {@link AwsApiPorts} builds the AWS adapters, tests and benchmarks their own. */
public record ApiPorts(
        TrackingQueries queries,
        ShipmentRegistration registration,
        DeliveryAddresses addresses,
        Cases cases,
        SupportDesk support,
        PreferencesStore preferences,
        EmailSubscriptions emailSubscriptions,
        ApiKeyRegistry apiKeys,
        Duration apiKeyCacheTtl,
        Supplier<byte[]> cursorKey,
        WebhookPorts webhooks,
        Clock clock) {
}
