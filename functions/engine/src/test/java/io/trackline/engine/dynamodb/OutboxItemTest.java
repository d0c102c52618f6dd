package io.trackline.engine.dynamodb;

import io.trackline.aws.events.ShipmentEventCodec;
import io.trackline.aws.sns.SupportMessage;
import io.trackline.domain.alerts.ShipmentEvent;
import io.trackline.domain.alerts.Trigger;
import io.trackline.domain.shipment.Announcement;
import io.trackline.domain.shipment.SuspectedLoss;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxItemTest {
    private static final ShipmentEvent OUT_FOR_DELIVERY = new ShipmentEvent("3f2b8c1e-4d5a-3b6c-9e7f-0a1b2c3d4e5f",
            Trigger.OUT_FOR_DELIVERY, "shp_4f8Kq2LxT9mZbW1cYd3eRa", "tenant-1", "order-1", "customer-1", "ups",
            "1Z999AA10123456784", Status.OUT_FOR_DELIVERY, Status.IN_TRANSIT, Milestone.OUT_FOR_DELIVERY, null, false,
            false, LocalDate.parse("2026-03-06"), "Out for delivery", new Location("Springfield", "IL", "62701", "US"),
            OffsetDateTime.parse("2026-03-05T07:00:00-06:00"), Instant.parse("2026-03-05T13:00:01.123456Z"), 7);

    @Test
    void shouldGiveBackTheExactBodyThatIsPublished_whenAnEventEntryIsDecoded() {
        // when
        byte[] entry = OutboxItem.entry(Announcement.of(OUT_FOR_DELIVERY));
        Announcement decoded = OutboxItem.announcement(entry);
        // then: the carrier's offset survives, so subscribers get today's body byte for byte
        assertThat(ShipmentEventCodec.encode(decoded.event())).isEqualTo(ShipmentEventCodec.encode(OUT_FOR_DELIVERY));
        assertThat(decoded.id()).isEqualTo(OUT_FOR_DELIVERY.eventId());
        assertThat(entry.length).as("billed on this write and the next").isLessThan(260);
    }

    @Test
    void shouldGiveBackTheCase_whenACaseEntryIsDecoded() {
        var loss = new SuspectedLoss("case_1", "shp_1", "tenant-1", "customer-1", Instant.parse("2026-03-13T09:00:00Z"),
                Status.IN_TRANSIT, Milestone.IN_TRANSIT, Instant.parse("2026-03-02T09:00:00Z"));

        Announcement decoded = OutboxItem.announcement(OutboxItem.entry(Announcement.of(loss)));

        assertThat(SupportMessage.encode(decoded.suspectedLoss())).isEqualTo(SupportMessage.encode(loss));
    }

    @Test
    void shouldRefuseTheEntry_whenItIsNotOneTheEngineWrote() {
        byte[] entry = OutboxItem.entry(Announcement.of(OUT_FOR_DELIVERY));

        assertThatThrownBy(() -> OutboxItem.announcement(Arrays.copyOf(entry, entry.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxItem.announcement(new byte[]{'x', 1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
