package io.trackline.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Trackline speaks to a customer, the one list of them: the tracking page's texts, the languages a
 * customer may choose in their notification preferences, and the SMS and email texts all follow it. Adding one here
 * means adding its page texts and its alert templates (their tests ask for every language).
 */
public enum Language {
    EN, ES, DE;

    /** The BCP 47 tag, as the API, the stored preferences and the page's {@code lang} parameter spell it. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** Every tag, in the order of the enum: {@code en, es, de}. */
    public static List<String> tags() {
        return Arrays.stream(values()).map(Language::tag).toList();
    }

    /** The language whose tag is exactly {@code tag} ({@code "es"}, not {@code "ES"} or {@code "es-MX"}). */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(language -> language.tag().equals(tag)).findFirst();
    }

    /** {@code null} for {@code null} (no preference), else the language, or an {@link InvalidValueException} naming {@code field}. */
    public static Language optional(String tag, String field) {
        if (tag == null) return null;
        return ofTag(tag).orElseThrow(() -> new InvalidValueException(field, field + " must be one of " + tags()));
    }
}
