package io.trackline.page.http;

import io.trackline.domain.Language;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    void shouldFollowTheLinksLangParameterFirst() {
        assertThat(LanguageChoice.choose("es", "de-DE,de;q=0.9")).isEqualTo(Language.ES);
        assertThat(LanguageChoice.choose("DE-at", null)).isEqualTo(Language.DE);
    }

    @Test
    void shouldFollowTheBrowser_whenTheLinkNamesNoLanguageWeHave() {
        assertThat(LanguageChoice.choose(null, "fr-CH, fr;q=0.9, de;q=0.8, en;q=0.5")).isEqualTo(Language.DE);
        assertThat(LanguageChoice.choose("fr", "es-MX,es;q=0.9")).isEqualTo(Language.ES);
    }

    @Test
    void shouldFallBackToEnglish_whenNothingMatchesOrTheHeaderIsMalformed() {
        assertThat(LanguageChoice.choose(null, "fr, it;q=0.5")).isEqualTo(Language.EN);
        assertThat(LanguageChoice.choose(null, ";;q=bogus,,")).isEqualTo(Language.EN);
        assertThat(LanguageChoice.choose("", "")).isEqualTo(Language.EN);
    }

    @Test
    void shouldHaveEveryTextInEveryLanguage() {
        Set<String> english = new TreeSet<>(PageTexts.of(Language.EN).all().stringPropertyNames());
        for (Language language : Language.values()) {
            assertThat(new TreeSet<>(PageTexts.of(language).all().stringPropertyNames())).as(language.tag()).isEqualTo(english);
        }
    }
}
