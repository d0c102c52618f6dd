package io.trackline.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageTest {

    @Test
    void shouldKnowEnglishSpanishAndGerman_byTheirTags() {
        assertThat(Language.tags()).containsExactly("en", "es", "de");
        assertThat(Language.optional("es", "language")).isEqualTo(Language.ES);
        assertThat(Language.ES.locale().getLanguage()).isEqualTo("es");
    }

    @Test
    void shouldMeanNoPreference_whenAbsent() {
        assertThat(Language.optional(null, "language")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ES", "es-MX", "", " es", "english", "e\u0073\u0301"})
    void shouldRefuseAnyOtherValue_namingTheField(String tag) {
        assertThatThrownBy(() -> Language.optional(tag, "language"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("language"))
                .hasMessageContaining("[en, es, de]");
        assertThat(Language.ofTag(tag)).isEmpty();
    }
}
