package io.trackline.bench.notifier;

import io.trackline.domain.alerts.AlertPolicy;
import io.trackline.domain.alerts.AlertSituation;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.NotificationDecision;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.QuietHours;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.SmsCaps;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Status;
import io.trackline.notifier.application.ShipmentSnapshot;
import io.trackline.notifier.adapter.templates.AlertMessages;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The notifier's per-event work with everything in memory (target: under 50 µs an event): the policy's decision for
 * both channels of a customer with quiet hours and a past exception alert, and composing the SMS from its template.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AlertDecisionBenchmark {
    private AlertPolicy policy;
    private AlertSituation sms;
    private AlertSituation email;
    private AlertMessages messages;
    private ShipmentEvent event;
    private ShipmentSnapshot shipment;

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-11-27T18:00:00Z");
        policy = new AlertPolicy(new SmsCaps(5, 20), AlertPolicy.DEFAULT_MAX_AGE);
        event = new ShipmentEvent("evt-1", Trigger.EXCEPTION, "shp-1", "tenant-1", "ord-1", "cust-1", "ups", "1Z999AA10123456784",
                Status.EXCEPTION, Status.IN_TRANSIT, null, ExceptionReason.CUSTOMS_HOLD, true, false, LocalDate.parse("2026-11-30"),
                "Held by customs", new Location("Memphis", "TN", "38118", "US"), now.minus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC),
                now.minus(Duration.ofMinutes(2)), 2);
        Preferences preferences = new Preferences(Set.of(Channel.SMS, Channel.EMAIL), Preferences.DEFAULT_ALERTS,
                Optional.of(QuietHours.parse("21:00", "08:00")), ZoneId.of("America/Chicago"), Optional.empty());
        Set<String> alerted = Set.of("EXCEPTION#ADDRESS_ISSUE", "DELAYED#2026-11-29");
        sms = new AlertSituation(event, Channel.SMS, preferences, true, false, alerted, () -> false, now, null);
        email = new AlertSituation(event, Channel.EMAIL, preferences, true, false, alerted, () -> false, now, null);
        messages = new AlertMessages("https://track.example.com/t");
        shipment = new ShipmentSnapshot("shp-1", Optional.of("cust-1"), Optional.empty(), Optional.empty(), false,
                Optional.of(LocalDate.parse("2026-11-30")), List.of(), List.of());
    }

    @Benchmark
    public void decideBothChannels(Blackhole blackhole) {
        NotificationDecision forSms = policy.decide(sms);
        NotificationDecision forEmail = policy.decide(email);
        blackhole.consume(forSms);
        blackhole.consume(forEmail);
    }

    @Benchmark
    public String composeSms() {
        return messages.sms(event, shipment, Optional.empty());
    }
}
