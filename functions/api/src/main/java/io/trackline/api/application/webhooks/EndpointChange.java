package io.trackline.api.application.webhooks;

import io.trackline.domain.webhooks.EndpointStatus;
import io.trackline.domain.webhooks.EventType;

import java.util.Optional;
import java.util.Set;

/** A client's change to an endpoint: only what it names changes. */
public record EndpointChange(Optional<String> url, Optional<Set<EventType>> events, Optional<String> description,
                             Optional<EndpointStatus> status) {
}
