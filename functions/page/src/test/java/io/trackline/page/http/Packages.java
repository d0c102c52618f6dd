package io.trackline.page.http;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Milestone;
import io.trackline.domain.tracking.Status;
import io.trackline.page.application.TrackedPackage;
import io.trackline.page.application.TrackedPackage.PackageScan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Packages in each state, around a pinned clock: Monday 2026-11-30 09:00 in New York (UTC-5). */
final class Packages {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T14:00:00Z"), ZoneOffset.UTC);
    static final ZoneOffset NEW_YORK = ZoneOffset.ofHours(-5);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String ID = "shp_4bT9xQ2mZr7LkP0aWc3Yd1";

    private Packages() {
    }

    static OffsetDateTime at(String localDateTime, ZoneOffset offset) {
        return java.time.LocalDateTime.parse(localDateTime).atOffset(offset);
    }

    static PackageScan scan(Status status, String localDateTime, ZoneOffset offset, String city, String region) {
        return new PackageScan(status, null, at(localDateTime, offset), city, region, "US");
    }

    static TrackedPackage labelCreated() {
        return new TrackedPackage(ID, "usps", "6784", Status.LABEL_CREATED, Milestone.LABEL_CREATED, null, false, false,
                false, at("2026-11-29T10:00", NEW_YORK), TODAY.plusDays(3), null,
                List.of(scan(Status.LABEL_CREATED, "2026-11-29T10:00", NEW_YORK, "Brooklyn", "NY")));
    }

    static TrackedPackage inTransit() {
        return new TrackedPackage(ID, "ups", "6784", Status.IN_TRANSIT, Milestone.IN_TRANSIT, null, false, false, false,
                at("2026-11-30T06:10", ZoneOffset.ofHours(-6)), TODAY.plusDays(1), TODAY.plusDays(1), List.of(
                scan(Status.IN_TRANSIT, "2026-11-30T06:10", ZoneOffset.ofHours(-6), "Chicago", "IL"),
                scan(Status.PICKED_UP, "2026-11-29T17:45", NEW_YORK, "Brooklyn", "NY"),
                scan(Status.LABEL_CREATED, "2026-11-29T10:00", NEW_YORK, "Brooklyn", "NY")));
    }

    static TrackedPackage outForDelivery() {
        return new TrackedPackage(ID, "ups", "6784", Status.OUT_FOR_DELIVERY, Milestone.OUT_FOR_DELIVERY, null, false,
                false, false, at("2026-11-30T07:55", NEW_YORK), TODAY, TODAY, List.of(
                scan(Status.OUT_FOR_DELIVERY, "2026-11-30T07:55", NEW_YORK, "Springfield", "MA"),
                scan(Status.IN_TRANSIT, "2026-11-29T06:10", ZoneOffset.ofHours(-6), "Chicago", "IL")));
    }

    /** Promised for today, the carrier now says Thursday. */
    static TrackedPackage delayed() {
        return new TrackedPackage(ID, "fedex", "0042", Status.IN_TRANSIT, Milestone.IN_TRANSIT, null, false, true,
                false, at("2026-11-30T06:10", NEW_YORK), TODAY, TODAY.plusDays(3), List.of(
                scan(Status.IN_TRANSIT, "2026-11-30T06:10", NEW_YORK, "Memphis", "TN")));
    }

    static TrackedPackage exception() {
        return new TrackedPackage(ID, "dhl", "7890", Status.DELIVERY_ATTEMPTED, Milestone.OUT_FOR_DELIVERY,
                ExceptionReason.RECIPIENT_UNAVAILABLE, true, false, false, at("2026-11-30T08:05", NEW_YORK), TODAY,
                TODAY.plusDays(1), List.of(new PackageScan(Status.DELIVERY_ATTEMPTED, ExceptionReason.RECIPIENT_UNAVAILABLE,
                at("2026-11-30T08:05", NEW_YORK), "New York", "NY", "US")));
    }

    static TrackedPackage customsHold() {
        return new TrackedPackage(ID, "dhl", "7890", Status.EXCEPTION, Milestone.IN_TRANSIT,
                ExceptionReason.CUSTOMS_HOLD, true, false, false, at("2026-11-30T08:05", ZoneOffset.ofHours(1)), null,
                null, List.of(new PackageScan(Status.EXCEPTION, ExceptionReason.CUSTOMS_HOLD,
                at("2026-11-30T08:05", ZoneOffset.ofHours(1)), "Leipzig", "SN", "DE")));
    }

    /** Delivered at 14:05 local time on Monday 2026-11-30 in San Jose (UTC-8). */
    static TrackedPackage delivered() {
        return new TrackedPackage(ID, "ups", "6784", Status.DELIVERED, Milestone.DELIVERED, null, false, false, true,
                at("2026-11-30T14:05", ZoneOffset.ofHours(-8)), TODAY, TODAY, List.of(
                scan(Status.DELIVERED, "2026-11-30T14:05", ZoneOffset.ofHours(-8), "San Jose", "CA"),
                scan(Status.OUT_FOR_DELIVERY, "2026-11-30T07:55", ZoneOffset.ofHours(-8), "San Jose", "CA")));
    }

    static TrackedPackage returned() {
        return new TrackedPackage(ID, "usps", "6784", Status.RETURNED, Milestone.IN_TRANSIT, null, false, false, true,
                at("2026-11-27T11:00", NEW_YORK), TODAY.minusDays(5), null, List.of(
                scan(Status.RETURNED, "2026-11-27T11:00", NEW_YORK, "Brooklyn", "NY"),
                scan(Status.RETURN_TO_SENDER, "2026-11-25T11:00", NEW_YORK, "Albany", "NY")));
    }
}
