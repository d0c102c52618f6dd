package io.trackline.domain.tracking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
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
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{4,40}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    @Property(tries = 3000)
    void shouldNormaliseTrackingNumbersAsTheRegexDefinitionDoes(@ForAll("texts") String raw) {
        Optional<String> expected = raw.isBlank() ? Optional.empty()
                : Optional.of(SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT)).filter(v -> NUMBER.matcher(v).matches());

        assertThat(outcome(TrackingNumber::of, raw).map(TrackingNumber::value)).isEqualTo(expected);
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
