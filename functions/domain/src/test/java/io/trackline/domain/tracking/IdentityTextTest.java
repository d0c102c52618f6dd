package io.trackline.domain.tracking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tracking numbers and carrier codes are part of every scan key and shipment key: their hand-written checks must accept,
 * refuse and normalise exactly as the regular expressions that define them.
 */
class IdentityTextTest {
    /** Before upper-casing: ASCII letters of either case and digits; non-ASCII letters are refused, never folded. */
    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9]{4,40}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    @Property(tries = 3000)
    void shouldNormaliseTrackingNumbersAsTheRegexDefinitionDoes(@ForAll("texts") String raw) {
        Optional<String> expected = raw.isBlank() ? Optional.empty()
                : Optional.of(SEPARATORS.matcher(raw).replaceAll("")).filter(v -> NUMBER.matcher(v).matches())
                .map(v -> v.toUpperCase(Locale.ROOT));

        assertThat(outcome(TrackingNumber::of, raw).map(TrackingNumber::value)).isEqualTo(expected);
    }

    @Example
    void shouldRefuseNonAsciiLetters_ratherThanFoldThemToAnotherPackagesNumber() {
        assertThat(outcome(TrackingNumber::of, "1Z\u0131abcdef99")).isEmpty();
        assertThat(outcome(TrackingNumber::of, "1Zstra\u00dfe99")).isEmpty();
        assertThat(outcome(TrackingNumber::of, "1z-abc def99").map(TrackingNumber::value)).contains("1ZABCDEF99");
    }

    @Example
    void shouldTakeOnlyKnownCarriers_whenAClientOrAWebhookNamesOne() {
        assertThat(outcome(Carrier::known, "UPS").map(Carrier::code)).contains("ups");
        assertThat(outcome(Carrier::known, "fedex_express").map(Carrier::code)).contains("fedex");
        assertThat(outcome(Carrier::known, "acme")).isEmpty();
        assertThat(outcome(Carrier::known, "\u00fcps")).isEmpty();
    }

    @Property(tries = 3000)
    void shouldAcceptCarrierCodesAsTheRegexDefinitionDoes(@ForAll("texts") String code) {
        assertThat(outcome(Carrier::new, code).isPresent()).isEqualTo(SLUG.matcher(code).matches());
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("aZ09- \t\n\u000b\f\r\u001c\u00a0ßı_").ofMaxLength(44),
                Arbitraries.strings().withChars("abz09-").ofMaxLength(42),
                Arbitraries.strings().withChars("ABZ09").ofMinLength(3).ofMaxLength(41),
                Arbitraries.strings().all().ofMaxLength(8));
    }

    private static <T> Optional<T> outcome(Function<String, T> make, String text) {
        try {
            return Optional.of(make.apply(text));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }
}
