package io.trackline.notifier;

import io.trackline.domain.alerts.AlertPolicy;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.SmsCaps;
import io.trackline.notifier.application.AlertMetrics;
import io.trackline.notifier.application.CustomerSettings;
import io.trackline.notifier.application.EmailSender;
import io.trackline.notifier.application.Notification;
import io.trackline.notifier.application.NotificationKey;
import io.trackline.notifier.application.NotificationLedger;
import io.trackline.notifier.application.NotificationState;
import io.trackline.notifier.application.RecordOptOut;
import io.trackline.notifier.application.SendAlerts;
import io.trackline.notifier.application.ShipmentSnapshot;
import io.trackline.notifier.application.StopList;
import io.trackline.notifier.adapter.templates.AlertMessages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The notifier's use cases over in-memory ports, for handler tests without network. The ledger keeps the state
 * machine of {@link NotificationLedger} (no leases: a claim is finished in the same call); the real one is tested on
 * the emulator.
 */
public final class InMemoryNotifier {
    public final Map<String, ShipmentSnapshot> shipments = new HashMap<>();
    public final Map<String, Preferences> preferences = new HashMap<>();
    public final Set<PhoneNumber> stopped = new HashSet<>();
    /** Shipments whose read fails, as a throttled or unavailable table would. */
    public final Set<String> unreadable = new HashSet<>();
    public final List<String> smsSent = new ArrayList<>();
    public final List<String> emailsSent = new ArrayList<>();
    public final Map<NotificationKey, Notification> notifications = new LinkedHashMap<>();
    public int preferenceReads;
    /** What the use cases counted ({@link AlertMetrics}), in order. */
    public final List<Counted> decisionsCounted = new ArrayList<>();
    public final List<RecordOptOut.Outcome> repliesCounted = new ArrayList<>();

    public record Counted(Channel channel, NotificationState state, String reason) {
    }

    private final Set<String> onceKeys = new HashSet<>();

    public NotifierHandler handler(Clock clock) {
        AlertMetrics metrics = new RecordingMetrics();
        SendAlerts sendAlerts = new SendAlerts(new AlertPolicy(new SmsCaps(5, 20), AlertPolicy.DEFAULT_MAX_AGE),
                id -> {
                    if (unreadable.contains(id)) throw new IllegalStateException("table unavailable");
                    return Optional.ofNullable(shipments.get(id));
                },
                (customers, phones) -> {
                    preferenceReads++;
                    Map<String, Preferences> found = new HashMap<>(preferences);
                    found.keySet().retainAll(customers);
                    return new CustomerSettings.Loaded(found, stopped);
                },
                phone -> false,
                new Ledger(),
                (to, text) -> {
                    smsSent.add(to.e164() + " " + text);
                    return UUID.randomUUID().toString();
                },
                (customerId, message) -> {
                    emailsSent.add(customerId + " " + message.subject());
                    return UUID.randomUUID().toString();
                },
                (request, channel, until, heldSince) -> {
                    throw new AssertionError("no quiet hours in these tests");
                },
                new AlertMessages(Fixtures.TRACKING_PAGE), metrics, clock);
        return new NotifierHandler(new NotifierWiring(sendAlerts, new RecordOptOut(new StopList() {
            @Override
            public void stop(PhoneNumber phone, Instant at) {
                stopped.add(phone);
            }

            @Override
            public void start(PhoneNumber phone) {
                stopped.remove(phone);
            }
        }, metrics, clock)));
    }

    private final class RecordingMetrics implements AlertMetrics {
        @Override
        public void decided(Channel channel, NotificationState state, String reason) {
            decisionsCounted.add(new Counted(channel, state, reason));
        }

        @Override
        public void smsReply(RecordOptOut.Outcome outcome) {
            repliesCounted.add(outcome);
        }
    }

    private final class Ledger implements NotificationLedger {
        @Override
        public Recorded record(Notification notification, Instant now) {
            if (notifications.containsKey(notification.key())) return Recorded.ALREADY_DECIDED;
            notifications.put(notification.key(), notification);
            return Recorded.RECORDED;
        }

        @Override
        public ClaimResult claim(Notification pending, Optional<String> onceKey, Optional<SmsQuota> quota, Instant now) {
            if (notifications.containsKey(pending.key())) return new ClaimResult.AlreadyDecided();
            if (onceKey.isPresent() && !onceKeys.add(pending.key().shipmentId() + onceKey.get() + pending.key().channel())) {
                return new ClaimResult.Refused(io.trackline.domain.alerts.Suppression.ALREADY_ALERTED);
            }
            return new ClaimResult.Claimed(new Claim(pending.key(), "token", UUID.randomUUID().toString(), now));
        }

        @Override
        public void markSent(Claim claim, Notification sent, String messageId) {
            notifications.put(claim.key(), sent);
        }

        @Override
        public void markFailed(Claim claim, Notification failed) {
            notifications.put(claim.key(), failed);
        }

        @Override
        public void release(Claim claim) {
        }
    }
}
