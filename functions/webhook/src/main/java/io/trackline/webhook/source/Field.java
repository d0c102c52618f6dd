package io.trackline.webhook.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.trackline.webhook.ingest.WebhookRejected;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A position in a parsed webhook body that knows its JSON Pointer, so every rejection names the field to fix
 * ({@code /msg/checkpoints/3/checkpoint_time}). The pointer is only built when a rejection needs it.
 */
public final class Field {
    private final JsonNode node;
    private final Field parent;
    private final String name;
    private final int index;

    private Field(JsonNode node, Field parent, String name, int index) {
        this.node = node;
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    public static Field root(JsonNode node) {
        return new Field(node, null, null, -1);
    }

    public Field get(String child) {
        JsonNode value = node.isObject() ? node.get(child) : null;
        return new Field(value == null ? MissingNode.getInstance() : value, this, child, -1);
    }

    public boolean isAbsent() {
        return node.isMissingNode() || node.isNull();
    }

    public JsonNode node() {
        return node;
    }

    public String pointer() {
        if (parent == null) return "";
        String segment = name != null ? name.replace("~", "~0").replace("/", "~1") : Integer.toString(index);
        return parent.pointer() + "/" + segment;
    }

    public WebhookRejected invalid(String detail) {
        return WebhookRejected.invalidField(pointer().isEmpty() ? "/" : pointer(), detail);
    }

    public Field requireObject() {
        if (isAbsent()) throw invalid("is required");
        if (!node.isObject()) throw invalid("must be an object");
        return this;
    }

    /** An object, or {@code null} when absent. */
    public Field optionalObject() {
        if (isAbsent()) return null;
        return requireObject();
    }

    public String requireText() {
        String text = optionalText();
        if (text == null) throw invalid("is required");
        return text;
    }

    /** A string, stripped; {@code null} when absent or blank. Numbers and booleans are not strings. */
    public String optionalText() {
        if (isAbsent()) return null;
        if (!node.isTextual()) throw invalid("must be a string");
        String text = node.textValue().strip();
        return text.isEmpty() ? null : text;
    }

    public boolean optionalBoolean() {
        if (isAbsent()) return false;
        if (!node.isBoolean()) throw invalid("must be true or false");
        return node.booleanValue();
    }

    /** The array's elements, empty when absent; more than {@code max} is refused. */
    public List<Field> elements(int max) {
        if (isAbsent()) return List.of();
        if (!node.isArray()) throw invalid("must be an array");
        if (node.size() > max) throw invalid("has " + node.size() + " elements, at most " + max + " are accepted");
        List<Field> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) elements.add(new Field(node.get(i), this, null, i));
        return elements;
    }

    /** Refuses members other than {@code allowed} (the native format is ours: a typo must not pass silently). */
    public void onlyMembers(Set<String> allowed) {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String member = names.next();
            if (!allowed.contains(member)) throw get(member).invalid("is not a known field");
        }
    }
}
