package io.trackline.domain.webhooks;

import io.trackline.domain.InvalidValueException;
import io.trackline.domain.alerts.Trigger;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a webhook to an API client announces (README "Webhooks to API clients"). Each shipment event maps to at most one
 * type: a status change is {@code shipment.status_changed}, except an exception ({@code shipment.exception}); a slip is
 * {@code shipment.delayed}; a new carrier estimate that changed nothing else {@code shipment.eta_changed}; a suspected
 * loss opens a case ({@code case.opened}). {@code ping} is sent only by the test route.
 */
public enum EventType {
    STATUS_CHANGED("shipment.status_changed"),
    ETA_CHANGED("shipment.eta_changed"),
    DELAYED("shipment.delayed"),
    EXCEPTION("shipment.exception"),
    CASE_OPENED("case.opened"),
    PING("ping");

    /** What an endpoint registered without {@code events} receives: everything but {@code ping}. */
    public static final Set<EventType> DEFAULT = Set.copyOf(EnumSet.complementOf(EnumSet.of(PING)));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws InvalidValueException naming the accepted values */
    public static EventType of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new InvalidValueException("events", "must each be one of " + Arrays.stream(values())
                        .map(EventType::wireName).toList()));
    }

    /** The type a shipment event of this trigger is sent as; empty for triggers clients are not told about (STALLED). */
    public static Optional<EventType> forTrigger(Trigger trigger) {
        return switch (trigger) {
            case EXCEPTION -> Optional.of(EXCEPTION);
            case DELAYED -> Optional.of(DELAYED);
            case ETA_CHANGED -> Optional.of(ETA_CHANGED);
            case SUSPECTED_LOST -> Optional.of(CASE_OPENED);
            case STALLED -> Optional.empty();
            default -> Optional.of(STATUS_CHANGED);
        };
    }
}
