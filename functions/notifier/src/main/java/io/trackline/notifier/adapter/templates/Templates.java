package io.trackline.notifier.adapter.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text templates from {@code src/main/resources/templates}, with {@code {{name}}} placeholders. A placeholder without
 * a value is an error, so a typo in a template fails its test instead of reaching a customer.
 */
public final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();
    private final Map<String, Properties> phrases = new ConcurrentHashMap<>();

    /** The template at {@code templates/<path>}, if there is one. */
    private Optional<String> find(String path) {
        return cache.computeIfAbsent(path, Templates::load);
    }

    public String get(String path) {
        return find(path).orElseThrow(() -> new IllegalStateException("no template templates/" + path));
    }

    /** The phrases file at {@code templates/<path>} (a UTF-8 properties file). */
    public Properties properties(String path) {
        return phrases.computeIfAbsent(path, p -> {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(get(p)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read phrases " + p, e);
            }
            return properties;
        });
    }

    /** {@code template} with its placeholders filled in, stripped. */
    public static String render(String template, Map<String, String> values) {
        return fill(template, values).strip();
    }

    /** {@code template} with its placeholders filled in, spaces kept (a phrase that continues a sentence). */
    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) throw new IllegalStateException("template placeholder {{" + matcher.group(1) + "}} has no value");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static Optional<String> load(String path) {
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }
}
