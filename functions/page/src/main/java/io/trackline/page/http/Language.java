package io.trackline.page.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The page's languages. A page is in the language its link's {@code lang} parameter names (SMS and email links carry
 * the customer's preference), else the browser's first acceptable one ({@code Accept-Language}), else English.
 */
public enum Language {
    EN, ES, DE;

    private static final List<String> TAGS = Arrays.stream(values()).map(Language::tag).toList();

    /** The BCP 47 tag: {@code en}, {@code es}, {@code de}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    public static Language choose(String langParameter, String acceptLanguage) {
        if (langParameter != null) {
            String wanted = langParameter.trim().toLowerCase(Locale.ROOT);
            for (Language language : values()) {
                if (wanted.equals(language.tag()) || wanted.startsWith(language.tag() + "-")) return language;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), TAGS);
                if (tag != null) return valueOf(tag.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException malformed) {
                // A header no browser sends: the default language.
            }
        }
        return EN;
    }
}
