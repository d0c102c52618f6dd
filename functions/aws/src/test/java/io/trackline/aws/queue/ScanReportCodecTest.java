package io.trackline.aws.queue;

import io.trackline.domain.tracking.Carrier;
import io.trackline.domain.tracking.CarrierEstimate;
import io.trackline.domain.tracking.Location;
import io.trackline.domain.tracking.Scan;
import io.trackline.domain.tracking.ScanReport;
import io.trackline.domain.tracking.Status;
import io.trackline.domain.tracking.TrackingNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Whatever text a report holds, its message is one SQS accepts and decodes back to the same report; whatever a message
 * body is, decoding either gives a report or says why not ({@link IllegalArgumentException}), never anything else.
 */
class ScanReportCodecTest {

    @Property(tries = 1000)
    void shouldEncodeOnlySqsCharactersAndDecodeTheSameReport_whateverItsText(@ForAll("texts") String text,
                                                                           @ForAll("texts") String deliveryId) {
        // given: every text of a report (the domain cleans carrier text; the delivery id and the source it does not)
        Scan scan = new Scan(Carrier.of("dhl"), TrackingNumber.of("1234567890"), Status.IN_TRANSIT,
                OffsetDateTime.parse("2025-11-20T08:10:00+01:00"), text, new Location(text, text, text, text), text,
                text, text, null, false, true);
        ScanReport report = new ScanReport(text, deliveryId, Instant.parse("2025-11-20T08:11:00.5Z"), scan.carrier(),
                scan.trackingNumber(), List.of(scan, scan), Optional.of(new CarrierEstimate(LocalDate.parse("2025-11-22"),
                Instant.parse("2025-11-20T08:11:00.5Z"))));

        // when
        String body = ScanReportCodec.encode(report);

        // then
        assertThat(SqsText.isAllowed(body)).isTrue();
        assertThat(ScanReportCodec.attributes(report).values()).allSatisfy(v -> assertThat(SqsText.isAllowed(v)).isTrue());
        assertThat(ScanReportCodec.decode(body)).isEqualTo(report);
    }

    @Property(tries = 1000)
    void shouldDecodeOrSayWhyNot_whateverTheBody(@ForAll("bodies") String body) {
        Throwable thrown = catchThrowable(() -> ScanReportCodec.decode(body));

        if (thrown != null) assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scan report");
    }

    @Test
    void shouldSayWhyNot_whenTheBodyIsNotAScanReport() {
        for (String body : new String[]{null, "", "not json", "[]", "{}", "{\"version\":2}", "{\"version\":1,\"scans\":\"x\"}",
                "{\"version\":1,\"source\":\"native\",\"receivedAt\":\"2025-11-20T08:11:00Z\",\"carrier\":\"dhl\","
                        + "\"trackingNumber\":\"\\ud800\\ud800\\ud800\\ud800\"}"}) {
            assertThatThrownBy(() -> ScanReportCodec.decode(body)).as("%s", body)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scan report");
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(16),
                Arbitraries.of("\ud800", "\udfff x", "a\u0000b", "\r\nSubject: injected", "\u202egpj.exe", "\uffff",
                        "\ufffe", "\u2066x\u2069", "\u0085", "ok"));
    }

    @Provide
    Arbitrary<String> bodies() {
        String valid = ScanReportCodec.encode(new ScanReport("native", "msg_1", Instant.parse("2025-11-20T08:11:00Z"),
                Carrier.of("dhl"), TrackingNumber.of("1234567890"), List.of(new Scan(Carrier.of("dhl"),
                TrackingNumber.of("1234567890"), Status.DELIVERED, OffsetDateTime.parse("2025-11-20T08:10:00+01:00"), "x",
                Location.UNKNOWN, "native", "DL", null, null, false, false)), Optional.empty()));
        Arbitrary<String> cut = Arbitraries.integers().between(0, valid.length()).map(n -> valid.substring(0, n));
        Arbitrary<String> spliced = Arbitraries.integers().between(0, valid.length())
                .flatMap(n -> Arbitraries.strings().all().ofMaxLength(6).map(s -> valid.substring(0, n) + s + valid.substring(n)));
        Arbitrary<String> retyped = Arbitraries.of("\"DELIVERED\"", "\"dhl\"", "\"1234567890\"", "\"DL\"", "false", "1")
                .flatMap(v -> Arbitraries.of("null", "1e999", "[]", "{}", "\"\\ud800\"", "\"+999999999-12-31T23:59:59Z\"",
                        "-1", "\"\"").map(r -> valid.replaceFirst(java.util.regex.Pattern.quote(v), r)));
        return Arbitraries.oneOf(cut, spliced, retyped, Arbitraries.strings().all().ofMaxLength(40));
    }
}
