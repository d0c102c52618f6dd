package io.trackline.page.http;

import io.trackline.domain.Language;

import java.util.Locale;

/**
 * Which of the {@link Language}s a page is in: the one its link's {@code lang} parameter names (SMS and email links
 * carry the customer's preference; {@code es-MX} reads as {@code es}), else the browser's first acceptable one
 * ({@code Accept-Language}), else English.
 */
public final class LanguageChoice {
    private LanguageChoice() {
    }

    public static Language choose(String langParameter, String acceptLanguage) {
        if (langParameter != null) {
            String wanted = langParameter.trim().toLowerCase(Locale.ROOT);
            for (Language language : Language.values()) {
                if (wanted.equals(language.tag()) || wanted.startsWith(language.tag() + "-")) return language;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), Language.tags());
                if (tag != null) return Language.ofTag(tag.toLowerCase(Locale.ROOT)).orElseThrow();
            } catch (IllegalArgumentException malformed) {
                // A header no browser sends: the default language.
            }
        }
        return Language.EN;
    }
}
