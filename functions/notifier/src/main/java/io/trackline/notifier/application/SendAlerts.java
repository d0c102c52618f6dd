package io.trackline.notifier.application;

import io.trackline.aws.log.Log;
import io.trackline.domain.Language;
import io.trackline.domain.alerts.AlertPolicy;
import io.trackline.domain.alerts.AlertSituation;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.NotificationDecision;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.notifier.application.NotificationLedger.Claim;
import io.trackline.notifier.application.NotificationLedger.ClaimResult;
import io.trackline.notifier.application.NotificationLedger.Outcome;
import io.trackline.notifier.application.NotificationLedger.Recorded;
import io.trackline.notifier.application.NotificationLedger.SmsQuota;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use case: turn a batch of shipment events into at most one notification per event and channel. Reads one query per
 * shipment and one batch read of preferences and STOPs for the whole batch; decides with {@link AlertPolicy}; claims
 * before sending and records every decision. Returns the ids of the messages to retry.
 */
public final class SendAlerts {
    private static final Log LOG = Log.of(SendAlerts.class);

    private final AlertPolicy policy;
    private final ShipmentSnapshots shipments;
    private final CustomerSettings customers;
    private final SmsOptOuts optOuts;
    private final NotificationLedger ledger;
    private final SmsSender sms;
    private final EmailSender email;
    private final HeldAlerts held;
    private final AlertTexts messages;
    private final AlertMetrics metrics;
    private final Retries retries;
    private final Clock clock;

    public SendAlerts(AlertPolicy policy, ShipmentSnapshots shipments, CustomerSettings customers, SmsOptOuts optOuts,
                      NotificationLedger ledger, SmsSender sms, EmailSender email, HeldAlerts held,
                      AlertTexts messages, AlertMetrics metrics, Clock clock) {
        this(policy, shipments, customers, optOuts, ledger, sms, email, held, messages, metrics, Retries.IMMEDIATE, clock);
    }

    /** @param retries defers a message that found a live claim until the claim's lease ends (README "Exactly once") */
    public SendAlerts(AlertPolicy policy, ShipmentSnapshots shipments, CustomerSettings customers, SmsOptOuts optOuts,
                      NotificationLedger ledger, SmsSender sms, EmailSender email, HeldAlerts held,
                      AlertTexts messages, AlertMetrics metrics, Retries retries, Clock clock) {
        this.retries = retries;
        this.policy = policy;
        this.shipments = shipments;
        this.customers = customers;
        this.optOuts = optOuts;
        this.ledger = ledger;
        this.sms = sms;
        this.email = email;
        this.held = held;
        this.messages = messages;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Set<String> handle(List<AlertRequest> requests) {
        Set<String> failed = new LinkedHashSet<>();
        Map<String, ShipmentSnapshot> snapshots = new HashMap<>();
        List<AlertRequest> readable = new ArrayList<>();
        for (AlertRequest request : requests) {
            try {
                snapshots.computeIfAbsent(request.event().shipmentId(),
                        id -> shipments.find(id).orElseGet(() -> ShipmentSnapshot.unknown(id)));
                readable.add(request);
            } catch (RuntimeException e) {
                fail(request, e, failed);
            }
        }
        CustomerSettings.Loaded settings = customers.load(
                readable.stream().map(r -> customerOf(r.event(), snapshots.get(r.event().shipmentId())))
                        .flatMap(Optional::stream).collect(Collectors.toSet()),
                snapshots.values().stream().map(ShipmentSnapshot::phone).flatMap(Optional::stream).collect(Collectors.toSet()));

        for (AlertRequest request : readable) {
            Deferral deferral = new Deferral();
            try {
                if (!alert(request, snapshots.get(request.event().shipmentId()), settings, deferral)) {
                    failed.add(request.messageId());
                    deferral.until.ifPresent(until -> defer(request, until));
                }
            } catch (RuntimeException e) {
                fail(request, e, failed);
            }
        }
        return failed;
    }

    /**
     * A message that found a live claim comes back when the lease ends, not after the visibility timeout: retries
     * while the lease runs would only raise its receive count towards the DLQ ({@code MessageLifetime}).
     */
    private void defer(AlertRequest request, Instant until) {
        try {
            retries.notBefore(request, until);
        } catch (RuntimeException e) {
            LOG.warn("could not defer the retry; it comes back after the visibility timeout", "messageId", request.messageId(),
                    "error", e.getClass().getSimpleName(), "detail", e.getMessage());
        }
    }

    /** The latest lease end among the live claims one message met. */
    private static final class Deferral {
        Optional<Instant> until = Optional.empty();

        void until(Instant leaseUntil) {
            if (until.isEmpty() || until.get().isBefore(leaseUntil)) until = Optional.of(leaseUntil);
        }
    }

    private static void fail(AlertRequest request, RuntimeException e, Set<String> failed) {
        LOG.error("alert failed, will retry", "messageId", request.messageId(), "eventId", request.event().eventId(),
                "error", e.getClass().getSimpleName(), "detail", e.getMessage());
        failed.add(request.messageId());
    }

    /** @return false when some channel must be tried again later */
    private boolean alert(AlertRequest request, ShipmentSnapshot shipment, CustomerSettings.Loaded settings, Deferral deferral) {
        Optional<String> customerId = customerOf(request.event(), shipment);
        Preferences preferences = settings.preferencesOf(customerId);
        Set<Channel> channels = request.heldChannel().map(EnumSet::of)
                .orElseGet(() -> preferences.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(preferences.channels()));
        Recipient recipient = new Recipient(shipment, customerId, preferences, settings.stopped());
        boolean done = true;
        for (Channel channel : channels) {
            // Channels fail independently: an SMS outage must not hold back (or, after the DLQ, lose) the email.
            try {
                done &= alert(request, channel, recipient, deferral);
            } catch (RuntimeException e) {
                LOG.error("channel failed, will retry", "messageId", request.messageId(), "eventId", request.event().eventId(),
                        "channel", channel.name(), "error", e.getClass().getSimpleName(), "detail", e.getMessage());
                done = false;
            }
        }
        return done;
    }

    private boolean alert(AlertRequest request, Channel channel, Recipient recipient, Deferral deferral) {
        ShipmentEvent event = request.event();
        ShipmentSnapshot shipment = recipient.shipment();
        Instant now = clock.instant();
        AlertSituation situation = new AlertSituation(event, channel, recipient.preferences(), recipient.reachable(channel),
                shipment.terminal(), shipment.alreadyAlerted(channel), () -> recipient.optedOut(optOuts), now,
                request.heldSince().orElse(null));
        NotificationDecision decision = policy.decide(situation);
        Notification draft = new Notification(new NotificationKey(event.shipmentId(), event.eventId(), channel),
                event.trigger(), null, null, recipient.maskedAddress(channel), decision.onceKey());
        return switch (decision.outcome()) {
            case SUPPRESS -> record(draft.withOutcome(NotificationState.SUPPRESSED, decision.reason().name()), now, deferral);
            case HOLD -> hold(request, draft, decision.holdUntil(), now, deferral);
            case SEND -> send(event, draft, decision, recipient, now, deferral);
        };
    }

    /**
     * A decision that sends nothing may meet another receive's live claim (it decided to send, then froze or crashed):
     * it waits for the lease like a send does (deferred, so it burns no receives), then decides again.
     */
    private boolean record(Notification notification, Instant now, Deferral deferral) {
        Recorded recorded = ledger.record(notification, now);
        log(notification, recorded.outcome().name(), recorded.outcome() == Outcome.RECORDED);
        recorded.liveClaimUntil().ifPresent(deferral::until);
        return recorded.outcome() != Outcome.IN_FLIGHT;
    }

    private boolean hold(AlertRequest request, Notification draft, Instant until, Instant now, Deferral deferral) {
        Notification notification = draft.withOutcome(NotificationState.HELD, "QUIET_HOURS");
        Recorded recorded = ledger.record(notification, now);
        if (recorded.outcome() == Outcome.RECORDED || recorded.outcome() == Outcome.ALREADY_HELD) {
            held.holdUntil(request, draft.key().channel(), until, request.heldSince().orElse(now));
        }
        log(notification, recorded.outcome().name(), recorded.outcome() == Outcome.RECORDED);
        recorded.liveClaimUntil().ifPresent(deferral::until);
        return recorded.outcome() != Outcome.IN_FLIGHT;
    }

    private boolean send(ShipmentEvent event, Notification draft, NotificationDecision decision, Recipient recipient, Instant now,
                         Deferral deferral) {
        Channel channel = draft.key().channel();
        // Compose before claiming, so a template problem never leaves a claim behind.
        Optional<Language> language = recipient.preferences().language();
        String smsText = channel == Channel.SMS ? messages.sms(event, recipient.shipment(), language) : null;
        EmailSender.EmailMessage mail = channel == Channel.EMAIL ? messages.email(event, recipient.shipment(), language) : null;
        Optional<SmsQuota> quota = channel == Channel.SMS
                ? Optional.of(new SmsQuota(event.shipmentId(), recipient.customerId(), recipient.shipment().phone().orElseThrow(),
                        AlertPolicy.capDay(now, recipient.preferences()), now.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                        policy.caps()))
                : Optional.empty();
        Notification pending = draft.withOutcome(NotificationState.SENT, null);
        return switch (ledger.claim(pending, decision.once(), quota, now)) {
            case ClaimResult.Claimed claimed -> deliver(claimed.claim(), pending, recipient, smsText, mail);
            case ClaimResult.Refused refused -> record(draft.withOutcome(NotificationState.SUPPRESSED, refused.reason().name()), now, deferral);
            case ClaimResult.AlreadyDecided ignored -> {
                logUnchanged(draft, "ALREADY_DECIDED");
                yield true;
            }
            case ClaimResult.InFlight inFlight -> {
                logUnchanged(draft, "IN_FLIGHT");
                deferral.until(inFlight.leaseUntil());
                yield false;
            }
        };
    }

    private boolean deliver(Claim claim, Notification pending, Recipient recipient, String smsText, EmailSender.EmailMessage mail) {
        String messageId;
        try {
            messageId = smsText != null
                    ? sms.send(recipient.shipment().phone().orElseThrow(), smsText)
                    : email.send(recipient.customerId().orElseThrow(), mail);
        } catch (RejectedMessage e) {
            Notification failed = pending.withOutcome(NotificationState.FAILED, "REJECTED");
            ledger.markFailed(claim, failed);
            log(failed, "REJECTED", true);
            return true;
        } catch (RuntimeException e) {
            releaseQuietly(claim);
            throw e;
        }
        // The one window no design closes: a crash between the publish above and this write. It is one DynamoDB
        // write long (the SDK retries it); afterwards the claim's lease expires and a retry may send again.
        ledger.markSent(claim, pending, messageId);
        log(pending, "SENT", true);
        return true;
    }

    private void releaseQuietly(Claim claim) {
        try {
            ledger.release(claim);
        } catch (RuntimeException e) {
            LOG.warn("could not release claim; it frees itself when its lease ends", "eventId", claim.key().eventId(),
                    "channel", claim.key().channel().name(), "error", e.getClass().getSimpleName());
        }
    }

    /** Counts the decision only when this call recorded it, so a redelivered copy is never counted twice. */
    private void log(Notification notification, String outcome, boolean recordedNow) {
        LOG.info("notification decided", "shipmentId", notification.key().shipmentId(), "eventId", notification.key().eventId(),
                "channel", notification.key().channel().name(), "trigger", notification.trigger().name(),
                "state", notification.state().name(), "reason", notification.reason(), "to", notification.to(),
                "outcome", outcome);
        if (recordedNow) metrics.decided(notification.key().channel(), notification.state(), notification.reason());
    }

    /** A redelivered or concurrent copy: the notification's recorded state stays as it is. */
    private static void logUnchanged(Notification draft, String outcome) {
        LOG.info("notification already handled", "shipmentId", draft.key().shipmentId(), "eventId", draft.key().eventId(),
                "channel", draft.key().channel().name(), "trigger", draft.trigger().name(), "outcome", outcome);
    }

    private static Optional<String> customerOf(ShipmentEvent event, ShipmentSnapshot shipment) {
        return Optional.ofNullable(event.customerId()).filter(id -> !id.isBlank()).or(shipment::customerId);
    }

    /** Who an alert goes to, and how they can be reached. */
    private record Recipient(ShipmentSnapshot shipment, Optional<String> customerId, Preferences preferences,
                             Set<PhoneNumber> stopped) {
        boolean reachable(Channel channel) {
            return channel == Channel.SMS ? shipment.phone().isPresent() : customerId.isPresent();
        }

        boolean optedOut(SmsOptOuts optOuts) {
            PhoneNumber phone = shipment.phone().orElseThrow();
            return stopped.contains(phone) || optOuts.isOptedOut(phone);
        }

        String maskedAddress(Channel channel) {
            if (channel == Channel.SMS) return shipment.phone().map(PhoneNumber::masked).orElse("-");
            return shipment.email().map(e -> e.masked()).orElse(customerId.isPresent() ? "customer subscription" : "-");
        }
    }
}
