package io.trackline.testkit.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mapping from the template with typed getters whose errors name the place in the template. */
record Props(String where, Map<String, Object> values) {

    static Props of(String where, Object value) {
        if (value == null) return new Props(where, Map.of());
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return new Props(where, typed);
        }
        throw new TemplateException(where + " should be a mapping, got " + value);
    }

    Object raw(String name) {
        return values.get(name);
    }

    Object required(String name) {
        Object value = values.get(name);
        if (value == null) throw new TemplateException(where + "." + name + " is missing");
        return value;
    }

    String string(String name) {
        Object value = required(name);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) return String.valueOf(value);
        throw new TemplateException(where + "." + name + " should be a plain string, got " + value);
    }

    Optional<String> optionalString(String name) {
        return values.containsKey(name) ? Optional.of(string(name)) : Optional.empty();
    }

    int integer(String name, int defaultValue) {
        if (!values.containsKey(name)) return defaultValue;
        try {
            return Integer.parseInt(string(name));
        } catch (NumberFormatException e) {
            throw new TemplateException(where + "." + name + " should be a number, got " + values.get(name));
        }
    }

    boolean bool(String name, boolean defaultValue) {
        return values.containsKey(name) ? Boolean.parseBoolean(string(name)) : defaultValue;
    }

    Props props(String name) {
        return Props.of(where + "." + name, values.get(name));
    }

    List<Object> list(String name) {
        Object value = values.get(name);
        if (value == null) return List.of();
        if (value instanceof List<?> list) return List.copyOf(list);
        throw new TemplateException(where + "." + name + " should be a list, got " + value);
    }

    List<Props> propsList(String name) {
        List<Object> items = list(name);
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> Props.of(where + "." + name + "[" + i + "]", items.get(i)))
                .toList();
    }
}
