package io.trackline.domain.shipment;

import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanKey;
import io.trackline.domain.tracking.Status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One carrier package of an order: the aggregate the processor and the sweeper change. Commands ({@link #apply},
 * {@link #check}) return a {@link ShipmentUpdate}: the new state, the scans to store and the events to publish.
 *
 * @param delayed         PRODUCT.md §2's delayed flag as of the last command (it depends on the clock)
 * @param version         optimistic-locking version of the stored record
 */
public record Shipment(Registration registration, TrackingState tracking, boolean delayed, long version,
                       Instant updatedAt) {

    public static Shipment register(Registration registration) {
        return new Shipment(registration, TrackingState.initial(Eta.promised(registration.promisedDeliveryDate())),
                false, 0, registration.createdAt());
    }

    public String id() {
        return registration.id();
    }

    public Status status() {
        return tracking.status();
    }

    public Milestone milestone() {
        return tracking.milestone();
    }

    public boolean terminal() {
        return tracking.terminal();
    }

    /** Scans came in after delivery with a return-to-sender: the package is on its way back. */
    public boolean returnLeg() {
        return tracking.returnLeg();
    }

    public boolean stalled() {
        Instant activity = lastActivity();
        return !terminal() && activity.equals(tracking.alerts().stalledFor());
    }

    public boolean suspectedLost() {
        Instant activity = lastActivity();
        return !terminal() && activity.equals(tracking.alerts().lostFor());
    }

    /** Applies scans and carrier estimates received for this package, in any order and however often. */
    public ShipmentUpdate apply(Collection<Scan> scans, Collection<CarrierEstimate> estimates, Instant now,
                                TrackingPolicy policy) {
        return apply(scans, Set.of(), estimates, now, policy);
    }

    /**
     * As {@link #apply(Collection, Collection, Instant, TrackingPolicy)}, where the scans named in {@code implausible}
     * (carrier time outside {@link TrackingPolicy#plausible}) are kept in the history once, flagged, and change
     * nothing else: not the status, milestone, terminal or return bookkeeping, nor {@code lastScanAt}.
     */
    public ShipmentUpdate apply(Collection<Scan> scans, Set<ScanKey> implausible, Collection<CarrierEstimate> estimates,
                                Instant now, TrackingPolicy policy) {
        Map<ScanKey, Scan> fresh = new LinkedHashMap<>();
        for (Scan scan : scans) {
            if (!scan.carrier().equals(registration.carrier()) || !scan.trackingNumber().equals(registration.trackingNumber())) {
                throw new IllegalArgumentException("scan of another package applied to shipment " + id());
            }
            if (!tracking.knows(scan.key())) fresh.putIfAbsent(scan.key(), scan);
        }
        TrackingState next = tracking;
        for (Scan scan : fresh.values()) next = implausible.contains(scan.key()) ? next.withKnown(scan) : next.with(scan);
        next = next.with(next.eta().with(estimates));

        TrackingState after = next;
        List<TrackedScan> newScans = fresh.values().stream().map(s -> implausible.contains(s.key())
                ? new TrackedScan(s, false, true) : new TrackedScan(s, after.isPostTerminal(s))).toList();
        List<ShipmentEvent> events = new ArrayList<>();
        if (after.status() != tracking.status()) {
            Scan cause = fresh.get(after.statusScan().key());
            events.add(event(after, Trigger.forStatus(after.status()), after.statusScan().key().value(),
                    after.statusOccurredAt(), cause, isDelayed(after, now, policy), now));
        }
        if (after.returnLeg() && !tracking.returnLeg() && after.status() == Status.DELIVERED
                && tracking.status() != Status.RETURN_TO_SENDER) {
            events.add(event(after, Trigger.RETURN_TO_SENDER, "return-leg",
                    after.latestReturnAt().atOffset(ZoneOffset.UTC), null, false, now));
        }
        return finish(after, newScans, events, estimateChange(after, now, policy), reflagFrom(after), Optional.empty(),
                now, policy);
    }

    /**
     * An {@code ETA_CHANGED} event when the carrier's latest estimated date differs from the one before (a first
     * estimate included) of a shipment that has not ended; {@link #finish} announces it only when nothing else is. The
     * same date re-reported, or an estimate older than the latest, changes nothing; an implausible one never reaches
     * here ({@link TrackingPolicy#plausible(CarrierEstimate)}).
     */
    private Optional<ShipmentEvent> estimateChange(TrackingState after, Instant now, TrackingPolicy policy) {
        CarrierEstimate latest = after.eta().latest();
        CarrierEstimate known = tracking.eta().latest();
        if (after.terminal() || latest == null || known != null && latest.date().equals(known.date())) return Optional.empty();
        return Optional.of(event(after, Trigger.ETA_CHANGED, latest.date() + "@" + latest.reportedAt(),
                latest.reportedAt().atOffset(ZoneOffset.UTC), null, isDelayed(after, now, policy), now));
    }

    /** The sweeper's command: time-based conditions (delayed, stalled, suspected lost), each announced once. */
    public ShipmentUpdate check(Instant now, TrackingPolicy policy) {
        if (terminal()) {
            return finish(tracking, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), now, policy);
        }
        Instant activity = lastActivity();
        Alerts alerts = tracking.alerts();
        List<ShipmentEvent> events = new ArrayList<>();
        Optional<SuspectedLoss> loss = Optional.empty();
        OffsetDateTime detectedAt = now.atOffset(ZoneOffset.UTC);
        String cause = activity.toString();
        boolean lost = !now.isBefore(activity.plus(policy.lostAfter())) && !activity.equals(alerts.lostFor());
        boolean stalled = !now.isBefore(activity.plus(policy.stalledAfter())) && !activity.equals(alerts.stalledFor())
                && !activity.equals(alerts.lostFor());
        if (lost) {
            TrackingState flagged = tracking.with(alerts.stalledFor(activity).lostFor(activity));
            String eventId = EventIds.of(id(), cause, Trigger.SUSPECTED_LOST);
            events.add(event(flagged, Trigger.SUSPECTED_LOST, cause, detectedAt, null, delayed, now));
            loss = Optional.of(new SuspectedLoss(eventId, id(), registration.tenantId(), registration.customerId(), now,
                    status(), milestone(), tracking.lastScanAt()));
            alerts = flagged.alerts();
        } else if (stalled) {
            events.add(event(tracking, Trigger.STALLED, cause, detectedAt, null, delayed, now));
            alerts = alerts.stalledFor(activity);
        }
        return finish(tracking.with(alerts), List.of(), events, Optional.empty(), Optional.empty(), loss, now, policy);
    }

    /** When the sweeper should look at this shipment next; empty once it has ended or everything is announced. */
    public Optional<Instant> nextCheckAt(TrackingPolicy policy) {
        if (terminal()) return Optional.empty();
        Alerts alerts = tracking.alerts();
        Instant activity = lastActivity();
        List<Instant> candidates = new ArrayList<>();
        if (!activity.equals(alerts.lostFor())) {
            candidates.add(activity.plus(policy.lostAfter()));
            if (!activity.equals(alerts.stalledFor())) candidates.add(activity.plus(policy.stalledAfter()));
        }
        tracking.eta().due().filter(due -> !alreadyAlerted(alerts, due))
                .ifPresent(due -> candidates.add(dueDeadline(due, policy)));
        return candidates.stream().min(Instant::compareTo);
    }

    /**
     * When DynamoDB's TTL may remove an ended shipment: the retention counts from our last save of it (PRODUCT.md §9,
     * from when we stored something), never from the carrier's scan time, which may lie up to a year back.
     */
    public Optional<Instant> expiresAt(TrackingPolicy policy) {
        return terminal() ? Optional.of(updatedAt.plus(policy.retention())) : Optional.empty();
    }

    /** @param otherwise what to announce when nothing else is (an estimate change) */
    private ShipmentUpdate finish(TrackingState after, List<TrackedScan> newScans, List<ShipmentEvent> events,
                                  Optional<ShipmentEvent> otherwise, Optional<Instant> reflagFrom,
                                  Optional<SuspectedLoss> loss, Instant now, TrackingPolicy policy) {
        boolean delayedNow = isDelayed(after, now, policy);
        TrackingState state = after;
        if (delayedNow) {
            LocalDate key = delayKey(after);
            if (!alreadyAlerted(after.alerts(), key)) {
                state = after.with(after.alerts().delayedFor(key));
                events = Stream.concat(events.stream(), Stream.of(
                        event(state, Trigger.DELAYED, key.toString(), now.atOffset(ZoneOffset.UTC), null, true, now))).toList();
            }
        }
        if (events.isEmpty() && otherwise.isPresent()) events = List.of(otherwise.get());
        boolean changed = !state.equals(tracking) || delayedNow != delayed;
        Shipment next = changed ? new Shipment(registration, state, delayedNow, version + 1, now) : this;
        return new ShipmentUpdate(this, next, newScans, List.copyOf(events), reflagFrom, loss);
    }

    /**
     * When a terminal scan arrives later than scans that happened after it, those stored scans become post-terminal:
     * the earliest terminal instant from which the store must re-flag non-terminal scans.
     */
    private Optional<Instant> reflagFrom(TrackingState after) {
        Instant first = after.firstTerminalAt();
        if (first == null || first.equals(tracking.firstTerminalAt())) return Optional.empty();
        Instant lastStored = tracking.lastScanAt();
        return lastStored != null && lastStored.isAfter(first) ? Optional.of(first) : Optional.empty();
    }

    private static boolean isDelayed(TrackingState state, Instant now, TrackingPolicy policy) {
        if (state.terminal()) return false;
        boolean pastDue = state.eta().due().map(due -> now.isAfter(dueDeadline(due, policy))).orElse(false);
        return pastDue || state.carrierSaysDelayed() || state.eta().slipped();
    }

    private static Instant dueDeadline(LocalDate due, TrackingPolicy policy) {
        return due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(policy.delayGrace());
    }

    /** One DELAYED per due date: a later due date is a new slip, an earlier or equal one was announced already. */
    private static boolean alreadyAlerted(Alerts alerts, LocalDate due) {
        return alerts.delayedFor() != null && !due.isAfter(alerts.delayedFor());
    }

    private LocalDate delayKey(TrackingState state) {
        return state.eta().due().orElseGet(() -> state.statusScan() != null
                ? state.statusScan().occurredAt().toLocalDate()
                : LocalDate.ofInstant(registration.createdAt(), ZoneOffset.UTC));
    }

    private Instant lastActivity() {
        return tracking.lastScanAt() != null ? tracking.lastScanAt() : registration.createdAt();
    }

    /** An event of this command: every command that announces something saves the shipment as {@code version + 1}. */
    private ShipmentEvent event(TrackingState state, Trigger trigger, String cause, OffsetDateTime occurredAt, Scan scan,
                                boolean delayedFlag, Instant now) {
        ExceptionReason reason = state.exceptionReason();
        return new ShipmentEvent(EventIds.of(id(), cause, trigger), trigger, id(), registration.tenantId(),
                registration.orderId(), registration.customerId(), registration.carrier().code(),
                registration.trackingNumber().value(), state.status(), tracking.status(), state.milestone(), reason,
                state.actionRequired(), delayedFlag, state.eta().due().orElse(null),
                scan == null ? "" : scan.description(), scan == null ? Location.UNKNOWN : scan.location(), occurredAt, now,
                version + 1);
    }
}
