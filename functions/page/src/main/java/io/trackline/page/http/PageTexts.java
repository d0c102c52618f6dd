package io.trackline.page.http;

import io.trackline.domain.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/** One language's texts ({@code texts_<tag>.properties}, UTF-8) and date formats. */
public final class PageTexts {
    private static final Map<Language, PageTexts> ALL = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) ALL.put(language, new PageTexts(language));
    }

    private final Language language;
    private final Properties texts;

    private PageTexts(Language language) {
        this.language = language;
        this.texts = load(language);
    }

    public static PageTexts of(Language language) {
        return ALL.get(language);
    }

    public Language language() {
        return language;
    }

    /** The text of {@code key} with each {@code {name}} replaced by the value after it (values are not escaped here). */
    public String get(String key, String... namesAndValues) {
        String text = texts.getProperty(key);
        if (text == null) throw new IllegalArgumentException("no text " + key + " in " + language.tag());
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            text = text.replace("{" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        return text;
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** {@code value} with the pattern of the text {@code formatKey}, in this language. */
    public String format(String formatKey, TemporalAccessor value) {
        return DateTimeFormatter.ofPattern(get(formatKey), language.locale()).format(value);
    }

    Properties all() {
        return texts;
    }

    private static Properties load(Language language) {
        String name = "texts_" + language.tag() + ".properties";
        try (InputStream in = PageTexts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
