package io.trackline.api.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.aws.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a handler response against the OpenAPI document: the status is documented for the operation, the content
 * type is the documented one, and the body satisfies the schema (the JSON Schema subset the document uses:
 * $ref, type, properties, required, additionalProperties: false, items, maxItems, enum, anyOf, pattern, lengths).
 */
public final class OpenApiContract {
    private static final JsonNode DOCUMENT = load();

    private OpenApiContract() {
    }

    public static JsonNode document() {
        return DOCUMENT;
    }

    /** @return every violation; empty when the response keeps the contract */
    public static List<String> violations(String routeKey, APIGatewayV2HTTPResponse response) {
        String[] methodAndPath = routeKey.split(" ", 2);
        JsonNode operation = DOCUMENT.path("paths").path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) return List.of("no operation " + routeKey);
        JsonNode documented = operation.path("responses").path(Integer.toString(response.getStatusCode()));
        if (documented.isMissingNode()) return List.of(routeKey + " does not document status " + response.getStatusCode());
        if (!documented.has("content")) {
            boolean empty = response.getBody() == null || response.getBody().isEmpty();
            return empty ? List.of() : List.of(routeKey + " " + response.getStatusCode() + " documents no body but has one");
        }
        String contentType = response.getHeaders() == null ? null : response.getHeaders().get("content-type");
        JsonNode media = documented.path("content").path(String.valueOf(contentType));
        if (media.isMissingNode()) return List.of(routeKey + " " + response.getStatusCode() + " does not document " + contentType);
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.getBody());
        } catch (IOException e) {
            return List.of("body is not JSON");
        }
        var errors = new ArrayList<String>();
        validate(media.path("schema"), body, "$", errors);
        return errors;
    }

    private static void validate(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            validate(DOCUMENT.path("components").path("schemas").path(name), value, at, errors);
            return;
        }
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.get("anyOf")) {
                var optionErrors = new ArrayList<String>();
                validate(option, value, at, optionErrors);
                if (optionErrors.isEmpty()) return;
            }
            errors.add(at + " matches none of anyOf");
            return;
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + " is " + value.getNodeType() + ", expected " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) listed |= allowed.equals(value);
            if (!listed) errors.add(at + " = " + value + " is not in the enum");
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                errors.add(at + " does not match " + schema.get("pattern").asText());
            }
            if (schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) errors.add(at + " is too long");
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) errors.add(at + " lacks required " + required.asText());
            }
            var names = value.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                JsonNode property = schema.path("properties").path(name);
                if (property.isMissingNode()) {
                    if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                        errors.add(at + " has undocumented field " + name);
                    }
                } else {
                    validate(property, value.get(name), at + "." + name, errors);
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) errors.add(at + " has too many items");
            for (int i = 0; i < value.size(); i++) validate(schema.path("items"), value.get(i), at + "[" + i + "]", errors);
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) if (typeMatches(t, value)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.json")) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
