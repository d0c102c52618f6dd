package io.trackline.domain.tracking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scan keys are stored (event sort keys, known-scan sets): the same scan must keep producing the same key. */
class ScanKeyTest {

    @Test
    void shouldProduceTheStoredKeys_whenScansAreThoseKeyedBefore() {
        // given: scans whose keys were computed by the first implementation (String.join of the parts) and are stored
        Scan[] scans = {
                scan("dhl", "1234567890", Status.IN_TRANSIT, "2025-11-20T08:10:00+01:00", "PL",
                        new Location("Leipzig", "SN", "04435", "DE")),
                scan("usps", "9400111899223344556677", Status.DELIVERED, "2025-11-26T14:05:00-05:00", null, Location.UNKNOWN),
                scan("ups", "1Z999AA10123456784", Status.EXCEPTION, "2024-05-02T09:15:00.123456789Z", "  X1 ",
                        new Location(" New York ", "NY", null, "US")),
                scan("fedex", "123456789012", Status.OUT_FOR_DELIVERY, "2024-02-29T23:59:59.5+14:00", "OD",
                        new Location("İstanbul", "ΣΊΣΥΦΟΣ", "34000", "TR")),
                scan("royal-mail", "AB123456789GB", Status.IN_TRANSIT, "0999-01-01T00:00:00Z", "\u001ctab\t",
                        new Location("\u00a0Köln\u2003", null, "50667", "de")),
        };

        // when / then
        assertThat(scans).extracting(s -> s.key().value()).containsExactly(
                "a678c69d7d906be4959280f601128800",
                "b15378a744fc5ff5eac05e8df964eb03",
                "3d286955cc767662f8534deea4ec5164",
                "ec0e627687beabe3433408d64080e515",
                "12f085ac09f35bef7a5d892b2634fee8");
    }

    @Property(tries = 2000)
    void shouldKeyEveryScanAsTheJoinedStringDefinitionDoes(@ForAll("scans") Scan scan) {
        assertThat(scan.key().value()).isEqualTo(definition(scan));
    }

    @Test
    void shouldIgnoreDescriptionSourceAndDeliveryDetails_whenTheScanIsTheSame() {
        // given
        Scan first = scan("dhl", "1234567890", Status.IN_TRANSIT, "2025-11-20T08:10:00+01:00", "PL", Location.UNKNOWN);
        Scan resent = new Scan(first.carrier(), first.trackingNumber(), first.status(),
                first.occurredAt().withOffsetSameInstant(ZoneOffset.UTC), "another text", first.location(), "easypost",
                " pl ", "sub", null, true, true);

        // when / then
        assertThat(resent.key()).isEqualTo(first.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a678c69d7d906be4959280f60112880", "A678C69D7D906BE4959280F601128800",
            "g678c69d7d906be4959280f601128800", "a678c69d7d906be4959280f6011288000"})
    void shouldRefuseAKey_whenItIsNot32LowerCaseHexDigits(String value) {
        assertThatThrownBy(() -> new ScanKey(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Scan> scans() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(12),
                Arbitraries.strings().withChars(" \t\u001c\u001f\u00a0\u2003AZaz09-İıΣσςßÄäé").ofMaxLength(8),
                Arbitraries.strings().all().ofMaxLength(6)).injectNull(0.2);
        Arbitrary<Instant> instant = Arbitraries.oneOf(
                Arbitraries.longs().between(-40_000_000_000L, 260_000_000_000L).map(Instant::ofEpochSecond),
                Arbitraries.longs().between(-70_000_000_000L, 300_000_000_000L)
                        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n))),
                Arbitraries.of(Instant.parse("1000-01-01T00:00:00Z"), Instant.parse("0999-12-31T23:59:59Z"),
                        Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z")));
        Arbitrary<ZoneOffset> offset = Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 900));
        Arbitrary<Location> location = Combinators.combine(text, text, text, text).as(Location::new);
        return Combinators.combine(Arbitraries.of("dhl", "usps", "royal-mail", "a1"),
                        Arbitraries.strings().withChars("ABZ019").ofMinLength(4).ofMaxLength(40), Arbitraries.of(Status.class),
                        instant, offset, text, location)
                .as((carrier, number, status, at, zone, raw, where) -> new Scan(new Carrier(carrier), new TrackingNumber(number),
                        status, OffsetDateTime.ofInstant(at, zone), "d", where, "native", raw, null, null, false, false));
    }

    /** The definition, as first implemented: stored keys were made this way. */
    private static String definition(Scan scan) {
        Location l = scan.location();
        String identity = String.join("\u001f", scan.carrier().code(), scan.trackingNumber().value(),
                scan.occurredAt().toInstant().toString(), scan.status().name(), normalised(scan.rawStatus()),
                normalised(l.city()), normalised(l.region()), normalised(l.postalCode()), normalised(l.country()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalised(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static Scan scan(String carrier, String number, Status status, String at, String raw, Location location) {
        return new Scan(new Carrier(carrier), TrackingNumber.of(number), status, OffsetDateTime.parse(at), "d", location,
                "native", raw, null, null, false, false);
    }
}
