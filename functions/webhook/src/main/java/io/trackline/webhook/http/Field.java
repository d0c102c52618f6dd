package io.trackline.webhook.http;

import io.trackline.webhook.application.PackageUpdate;
import io.trackline.webhook.application.SourceDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.trackline.domain.tracking.CarrierText;
import io.trackline.webhook.application.WebhookRejected;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A position in a parsed webhook body that knows its JSON Pointer, so every rejection names the field to fix
 * ({@code /msg/checkpoints/3/checkpoint_time}). The pointer is only built when a rejection needs it.
 * <p>
 * Text is read as sent; the domain makes carrier text printable ({@link CarrierText}). Every text read here that the
 * domain will clean is noted ({@link #cleanedTexts()}, by pointer), so the webhook can say and log which fields it
 * changed. Identifiers ({@link #requireIdentifier}) are refused instead: a changed identifier is another identifier.
 */
public final class Field {
    /** Longer delivery ids are refused: an id travels as a message attribute of every message of the webhook. */
    public static final int MAX_IDENTIFIER_LENGTH = 256;

    private final JsonNode node;
    private final Field parent;
    private final String name;
    private final int index;
    private final List<String> cleaned;

    private Field(JsonNode node, Field parent, String name, int index, List<String> cleaned) {
        this.node = node;
        this.parent = parent;
        this.name = name;
        this.index = index;
        this.cleaned = cleaned;
    }

    public static Field root(JsonNode node) {
        return new Field(node, null, null, -1, new ArrayList<>());
    }

    public Field get(String child) {
        JsonNode value = node.isObject() ? node.get(child) : null;
        return new Field(value == null ? MissingNode.getInstance() : value, this, child, -1, cleaned);
    }

    /** The pointers of the texts read so far (from anywhere in this body) that {@link CarrierText} will change. */
    public List<String> cleanedTexts() {
        return List.copyOf(cleaned);
    }

    /** The packages read from this body, with the texts it had to clean. */
    public SourceDelivery delivery(String deliveryId, List<PackageUpdate> packages) {
        return new SourceDelivery(deliveryId, packages, cleanedTexts());
    }

    public boolean isAbsent() {
        return node.isMissingNode() || node.isNull();
    }

    public JsonNode node() {
        return node;
    }

    public String pointer() {
        if (parent == null) return "";
        String segment = name != null ? printable(name).replace("~", "~0").replace("/", "~1") : Integer.toString(index);
        return parent.pointer() + "/" + segment;
    }

    /** A member name as it can be shown in an answer and a log: characters carrier text may not hold become U+FFFD. */
    private static String printable(String name) {
        if (CarrierText.isClean(name)) return name;
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            String one = Character.toString(c);
            out.append(CarrierText.isClean(one) ? one : "\uFFFD");
        });
        return out.toString();
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
        if (text.isEmpty()) return null;
        if (!CarrierText.isClean(text)) cleaned.add(pointer());
        return text;
    }

    /**
     * A required id (a delivery id): printable as {@link CarrierText} defines it and at most
     * {@value #MAX_IDENTIFIER_LENGTH} characters, else refused naming this field.
     */
    public String requireIdentifier() {
        if (isAbsent()) throw invalid("is required");
        if (!node.isTextual()) throw invalid("must be a string");
        String text = node.textValue().strip();
        if (text.isEmpty()) throw invalid("is required");
        if (!CarrierText.isClean(text)) {
            throw invalid("must not contain control characters, bidirectional controls or unpaired surrogates");
        }
        if (text.length() > MAX_IDENTIFIER_LENGTH) throw invalid("is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        return text;
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
        for (int i = 0; i < node.size(); i++) elements.add(new Field(node.get(i), this, null, i, cleaned));
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
