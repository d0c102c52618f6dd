package io.trackline.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Values generated from an OpenAPI 3.1 document's JSON Schemas, valid ones and ones with exactly one thing wrong, from
 * a seeded {@link Random} (the same seed, the same requests). The schema subset is the document's: {@code $ref},
 * {@code anyOf}, {@code type} (lists with {@code null}), {@code properties}, {@code required}, {@code items},
 * {@code maxItems}, {@code enum}, {@code examples}, {@code pattern}, {@code minLength} / {@code maxLength},
 * {@code minimum} / {@code maximum}, {@code format: date}. A string with a {@code pattern} is generated from its
 * {@code examples}, which the document must give (a generator of the regular expression's language is not worth it).
 */
public final class SchemaValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Letters a person's text has: ASCII, Latin-1 and Latin Extended, CJK, an emoji (a surrogate pair), digits, a space. */
    private static final String[] ALPHABET = {"a", "Z", "q", "7", " ", "é", "ć", "ß", "Ł", "ı", "東", "京", "📦", "-", "'", ".", "&"};

    private final JsonNode document;
    private final Random random;
    private final LocalDate today;

    public SchemaValues(JsonNode document, Random random, LocalDate today) {
        this.document = document;
        this.random = random;
        this.today = today;
    }

    /** The schema {@code $ref} points at, followed until it is not a reference. */
    public JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) schema = document.at(schema.get("$ref").asText().substring(1));
        return schema;
    }

    /** A value the schema accepts. */
    public JsonNode valid(JsonNode schema, String at) {
        schema = resolve(schema);
        if (schema.has("anyOf")) {
            var options = new ArrayList<JsonNode>();
            schema.get("anyOf").forEach(options::add);
            return valid(options.get(random.nextInt(options.size())), at);
        }
        if (schema.has("enum")) return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        if (schema.has("examples")) return schema.get("examples").get(random.nextInt(schema.get("examples").size()));
        String type = type(schema);
        return switch (type) {
            case "object" -> object(schema, at);
            case "array" -> array(schema, at);
            case "integer" -> NODES.numberNode(integer(schema));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "null" -> NODES.nullNode();
            case "string" -> NODES.textNode(string(schema, at));
            default -> throw new IllegalStateException(at + ": cannot generate type " + type);
        };
    }

    /** The one non-null type a schema names ({@code ["string", "null"]} is a string). */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) if (!t.asText().equals("null")) return t.asText();
            return "null";
        }
        return type.isMissingNode() ? (schema.has("properties") ? "object" : "string") : type.asText();
    }

    private ObjectNode object(JsonNode schema, String at) {
        ObjectNode object = NODES.objectNode();
        var required = new ArrayList<String>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").properties().forEach(p -> {
            if (required.contains(p.getKey()) || random.nextInt(10) < 6) object.set(p.getKey(), valid(p.getValue(), at + "." + p.getKey()));
        });
        return object;
    }

    private ArrayNode array(JsonNode schema, String at) {
        JsonNode items = resolve(schema.path("items"));
        int max = schema.path("maxItems").asInt(4);
        ArrayNode array = NODES.arrayNode();
        if (items.has("enum")) {
            // distinct values: lists of choices (channels, alerts) take each once
            var choices = new ArrayList<JsonNode>();
            items.get("enum").forEach(choices::add);
            java.util.Collections.shuffle(choices, random);
            choices.stream().limit(random.nextInt(Math.min(max, choices.size()) + 1)).forEach(array::add);
            return array;
        }
        for (int i = random.nextInt(Math.min(max, 4) + 1); i > 0; i--) array.add(valid(items, at + "[]"));
        return array;
    }

    private long integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(0);
        long max = schema.path("maximum").asLong(min + 1000);
        return min + (long) (random.nextDouble() * (max - min + 1));
    }

    private String string(JsonNode schema, String at) {
        if ("date".equals(schema.path("format").asText())) return today.plusDays(random.nextInt(600) - 300).toString();
        if (schema.has("pattern") && !schema.get("pattern").asText().equals("\\S")) {
            throw new IllegalStateException(at + " has a pattern and no examples: give it examples in the document");
        }
        int min = Math.max(1, schema.path("minLength").asInt(1));
        int max = Math.min(schema.path("maxLength").asInt(40), 40);
        int length = min + random.nextInt(Math.max(1, max - min + 1));
        var text = new StringBuilder();
        int codePoints = 0;
        while (codePoints < length) {
            String next = ALPHABET[random.nextInt(ALPHABET.length)];
            if ((codePoints == 0 || codePoints == length - 1) && next.isBlank()) continue; // a stripped value stays the same
            text.append(next);
            codePoints++;
        }
        return text.toString();
    }

    /** One way a value can be wrong, and the value that is wrong in that way. */
    public record Wrong(String kind, JsonNode value) {
    }

    /** Each way {@code schema}'s value can be just wrong: wrong type, too long, pattern-breaking, not in the enum, ... */
    public List<Wrong> wrongs(JsonNode schema) {
        schema = resolve(schema);
        var wrongs = new ArrayList<Wrong>();
        if (schema.has("anyOf")) return wrongs;
        String type = type(schema);
        wrongs.add(new Wrong("wrong type", switch (type) {
            case "string" -> random.nextBoolean() ? NODES.numberNode(42) : NODES.booleanNode(true);
            case "array", "integer", "boolean" -> NODES.objectNode().put("x", 1);
            default -> NODES.arrayNode().add("x");
        }));
        if (!type.equals("string")) {
            if (schema.has("maximum")) wrongs.add(new Wrong("above maximum", NODES.numberNode(schema.get("maximum").asLong() + 1)));
            if (schema.has("minimum")) wrongs.add(new Wrong("below minimum", NODES.numberNode(schema.get("minimum").asLong() - 1)));
            if (schema.has("maxItems")) {
                ArrayNode many = NODES.arrayNode();
                JsonNode items = resolve(schema.path("items"));
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) many.add(items.has("enum") ? items.get("enum").get(0) : NODES.textNode("x"));
                wrongs.add(new Wrong("too many items", many));
            }
            return wrongs;
        }
        if (schema.has("enum")) wrongs.add(new Wrong("not in the enum", NODES.textNode("NOT_A_" + random.nextInt(1000))));
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            wrongs.add(new Wrong("too long", NODES.textNode((random.nextBoolean() ? "a" : "é").repeat(max + 1))));
        }
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.get("pattern").asText());
            for (String candidate : List.of("  ", "has#hash ć", "<script>@x.com", "1Zıabcdef99", "a")) {
                if (!pattern.matcher(candidate).find()) {
                    wrongs.add(new Wrong("pattern-breaking", NODES.textNode(candidate)));
                    break;
                }
            }
        }
        if ("date".equals(schema.path("format").asText())) {
            wrongs.add(new Wrong("huge date", NODES.textNode("+999999999-12-31")));
            wrongs.add(new Wrong("date outside the window", NODES.textNode(today.plusYears(50).toString())));
            wrongs.add(new Wrong("impossible date", NODES.textNode(today.getYear() + "-02-30")));
        }
        if (!schema.has("enum") && !schema.has("format")) {
            String base = schema.has("examples") ? schema.get("examples").get(0).asText() : "Ada";
            wrongs.add(new Wrong("unpaired surrogate", NODES.textNode(base + "\ud800")));
            wrongs.add(new Wrong("control character", NODES.textNode(base + "\u0007")));
        }
        return wrongs;
    }

    /** Every place in a valid {@code value} of {@code schema}: a property path and the property's schema. */
    public List<Place> places(JsonNode schema, JsonNode value, List<String> path) {
        schema = resolve(schema);
        var places = new ArrayList<Place>();
        if (!value.isObject() || !schema.has("properties")) return places;
        var required = new ArrayList<String>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (var property : schema.get("properties").properties()) {
            var at = new ArrayList<>(path);
            at.add(property.getKey());
            places.add(new Place(at, property.getValue(), required.contains(property.getKey()), value.has(property.getKey())));
            Optional.ofNullable(value.get(property.getKey())).ifPresent(v -> places.addAll(places(property.getValue(), v, at)));
        }
        return places;
    }

    /** A property in a body: its path from the root, its schema, whether the schema requires it and the value has it. */
    public record Place(List<String> path, JsonNode schema, boolean required, boolean present) {
        public String name() {
            return String.join(".", path);
        }
    }

    /** {@code body} with the property at {@code path} set to {@code value}, or removed when it is {@code null}. */
    public static JsonNode with(JsonNode body, List<String> path, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy;
        for (String step : path.subList(0, path.size() - 1)) parent = parent.get(step);
        if (value == null) {
            ((ObjectNode) parent).remove(path.getLast());
        } else {
            ((ObjectNode) parent).set(path.getLast(), value);
        }
        return copy;
    }

    public static TextNode text(String value) {
        return NODES.textNode(value);
    }
}
