package io.trackline.domain.tracking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Carrier text, whatever it is, comes out printable: only characters SQS accepts, no control or bidirectional
 * character, no unpaired surrogate; and a text that is clean already comes out as it went in (scan keys stay).
 */
class CarrierTextTest {
    /** The characters SQS accepts in a message body or attribute (its documentation, verbatim). */
    static boolean sqsAllowed(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    static boolean printable(String text) {
        return text.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE || c == 0xFFFE || c == 0xFFFF
                || c == 0x2028 || c == 0x2029 || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }

    @Property(tries = 3000)
    void shouldLeaveOnlyPrintableSqsCharacters_whateverTheTextIs(@ForAll("hostile") String text) {
        String cleaned = CarrierText.clean(text);

        if (cleaned != null) {
            assertThat(sqsAllowed(cleaned)).as("SQS-allowed: %s", escaped(cleaned)).isTrue();
            assertThat(printable(cleaned)).as("printable: %s", escaped(cleaned)).isTrue();
            if (!cleaned.equals(text)) assertThat(cleaned).isNotBlank().isEqualTo(cleaned.strip());
            assertThat(CarrierText.isClean(cleaned)).isTrue();
            assertThat(CarrierText.clean(cleaned)).isSameAs(cleaned);
        } else {
            // nothing but white space, controls and bidirectional controls
            assertThat(text.codePoints().allMatch(c -> Character.isWhitespace(c) || c <= 0xFFFF
                    && (CarrierText.isControl((char) c) || CarrierText.isBidiControl((char) c)))).isTrue();
        }
    }

    @Property(tries = 3000)
    void shouldReturnCleanTextAsItIs_soItsScanKeyStays(@ForAll("hostile") String raw) {
        // a clean text: whatever the generator made, minus the characters the rule is about
        String text = raw.codePoints().filter(c -> printable(Character.toString(c)))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Scan scan = new Scan(Carrier.of("ups"), TrackingNumber.of("1Z999AA10123456784"), Status.IN_TRANSIT,
                OffsetDateTime.parse("2025-11-26T14:05:00-05:00"), text, new Location(text, text, text, text), "native",
                text, text, null, false, false);

        assertThat(CarrierText.isClean(text)).isTrue();
        assertThat(CarrierText.clean(text)).isSameAs(text);
        assertThat(scan.description()).isSameAs(text);
        assertThat(scan.rawStatus()).isSameAs(text);
        assertThat(scan.location()).isEqualTo(new Location(text, text, text, text))
                .extracting(Location::city).isSameAs(text);
    }

    @Test
    void shouldReplaceDropOrSpaceEachKindOfHostileCharacter() {
        assertThat(CarrierText.clean("Depot \ud800 Leipzig")).isEqualTo("Depot \ufffd Leipzig");
        assertThat(CarrierText.clean("\udc00\ud800")).isEqualTo("\ufffd\ufffd");
        assertThat(CarrierText.clean("ok \ud83d\udce6")).isEqualTo("ok \ud83d\udce6");
        assertThat(CarrierText.clean("Arrived\r\nSubject: injected")).isEqualTo("Arrived  Subject: injected");
        assertThat(CarrierText.clean("Invoice \u202egpj.exe")).isEqualTo("Invoice gpj.exe");
        assertThat(CarrierText.clean("\u2066\u200f\u061c")).isNull();
        assertThat(CarrierText.clean("bell\u0007 and \u0085 next line \u2028")).isEqualTo("bell  and   next line");
        assertThat(CarrierText.clean("\uffff\ufffe")).isEqualTo("\ufffd\ufffd");
        assertThat(CarrierText.clean("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void shouldCleanEveryCarrierTextOfAScanAndItsLocation() {
        Scan scan = new Scan(Carrier.of("ups"), TrackingNumber.of("1Z999AA10123456784"), Status.IN_TRANSIT,
                OffsetDateTime.parse("2025-11-26T14:05:00-05:00"), "line\nbreak", new Location("\u202eNew York", "N\ud800Y",
                "10001\r\n", "US\u200e"), "native", "X\u0000", "\u2067sub", null, false, false);

        assertThat(scan.description()).isEqualTo("line break");
        assertThat(scan.location()).isEqualTo(new Location("New York", "N\ufffdY", "10001", "US"));
        assertThat(scan.rawStatus()).isEqualTo("X");
        assertThat(scan.rawSubStatus()).isEqualTo("sub");
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> special = Arbitraries.of('\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '\t', '\n', '\r',
                '\u001b', '\u007f', '\u0085', '\u009f', '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c',
                '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029', '\ufffe', '\uffff', ' ',
                '\u00a0', 'a', 'Z', '\u00e9', '\u05d0', '\ufffd');
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(24),
                special.list().ofMaxSize(24).map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat)),
                Arbitraries.strings().withCharRange('\ud700', '\ue100').ofMaxLength(12));
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
