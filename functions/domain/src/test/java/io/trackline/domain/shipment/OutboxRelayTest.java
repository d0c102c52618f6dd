package io.trackline.domain.shipment;

import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.port.Announcer;
import io.trackline.domain.shipment.usecase.AnnouncementRelay;
import io.trackline.domain.shipment.usecase.PackageScans;
import io.trackline.domain.shipment.usecase.TrackScans;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.trackline.domain.shipment.Scans.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outbox keeps a committed change's event until it is published, across a crash, exactly once. */
class OutboxRelayTest {
    private final TrackingFixture fixture = new TrackingFixture();

    @Test
    void shouldPublishOnceOnRedelivery_whenPublishingFailedAfterCommit() {
        // given: the state change commits, then publishing fails (the function dies)
        String id = fixture.registerDefault().id();
        RecordingAnnouncer published = new RecordingAnnouncer();
        boolean[] down = {true};
        Announcer flaky = announcement -> {
            if (down[0]) throw new IllegalStateException("SNS unreachable");
            published.announce(announcement);
        };
        TrackScans processor = new TrackScans(fixture.shipments, new AnnouncementRelay(fixture.shipments, flaky),
                TrackingPolicy.DEFAULT, fixture.clock);
        PackageScans batch = new PackageScans(Scans.CARRIER, Scans.TRACKING,
                List.of(scan(Status.OUT_FOR_DELIVERY, "2026-03-04T07:00:00Z")), List.of());
        assertThatThrownBy(() -> processor.track(batch)).hasMessage("SNS unreachable");
        assertThat(fixture.shipments.outbox(id)).hasSize(1);
        // when: the batch is redelivered, twice
        down[0] = false;
        processor.track(batch);
        processor.track(batch);
        // then
        assertThat(published.triggers()).containsExactly(Trigger.OUT_FOR_DELIVERY);
        assertThat(fixture.shipments.outbox(id)).isEmpty();
        assertThat(fixture.shipment(id).outbox()).isEmpty();
    }
}
