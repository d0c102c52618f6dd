package io.trackline.local.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.aws.Json;
import io.trackline.testkit.template.TemplateException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Lambda event filter (FilterCriteria) on DynamoDB stream records, as Lambda matches it against the record's JSON: an
 * object in the pattern narrows to that key; a list holds the accepted values of a leaf, as literals or as
 * {@code {"exists": true|false}} and {@code {"prefix": "..."}}; a leaf that is an array in the record matches when one
 * element does. A record passes when any of the filters matches. Other operators are refused when the template is read,
 * so nothing is silently let through locally that Lambda would drop (or the reverse).
 */
public final class EventFilter implements Predicate<DynamodbEvent.DynamodbStreamRecord> {
    private final List<Map<String, Object>> patterns;

    private EventFilter(List<Map<String, Object>> patterns) {
        this.patterns = patterns;
    }

    /** @param patterns the FilterCriteria's patterns; none: every record passes */
    /** The FilterCriteria of a stream's event source mapping; errors name the mapping and the property. */
    public static EventFilter of(io.trackline.testkit.template.Specs.StreamSource source) {
        return of(source.filterPatterns(), source.logicalId() + ".Properties.FilterCriteria");
    }

    public static EventFilter of(List<String> patterns, String where) {
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = Json.mapper().readValue(pattern, Map.class);
                check(map, where);
                parsed.add(map);
            } catch (JsonProcessingException e) {
                throw new TemplateException(where + ": filter pattern is not JSON: " + pattern);
            }
        }
        return new EventFilter(parsed);
    }

    @Override
    public boolean test(DynamodbEvent.DynamodbStreamRecord record) {
        if (patterns.isEmpty()) return true;
        Map<String, Object> json = json(record);
        return patterns.stream().anyMatch(p -> matches(p, json));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> pattern, Object event) {
        Map<String, Object> fields = event instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        for (var entry : pattern.entrySet()) {
            Object value = fields.get(entry.getKey());
            boolean ok = entry.getValue() instanceof Map<?, ?> nested
                    ? value != null && matches((Map<String, Object>) nested, value)
                    : leafMatches((List<Object>) entry.getValue(), value);
            if (!ok) return false;
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean leafMatches(List<Object> accepted, Object value) {
        List<Object> values = value instanceof List<?> list ? (List<Object>) list
                : value == null ? List.of() : List.of(value);
        boolean isLeaf = values.stream().noneMatch(v -> v instanceof Map<?, ?>);
        for (Object rule : accepted) {
            if (rule instanceof Map<?, ?> operator) {
                Object exists = operator.get("exists");
                Object prefix = operator.get("prefix");
                if (exists != null && (Boolean.TRUE.equals(exists) == (isLeaf && !values.isEmpty()))) return true;
                if (prefix != null && values.stream().anyMatch(v -> v instanceof String s && s.startsWith((String) prefix))) {
                    return true;
                }
            } else if (values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(rule)))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> pattern, String where) {
        for (var entry : pattern.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> nested) {
                check((Map<String, Object>) nested, where);
            } else if (entry.getValue() instanceof List<?> rules) {
                for (Object rule : rules) {
                    if (rule instanceof Map<?, ?> operator && !(operator.size() == 1
                            && (operator.containsKey("exists") || operator.containsKey("prefix")))) {
                        throw new TemplateException(where + ": filter operator " + operator + " is not emulated locally");
                    }
                }
            } else {
                throw new TemplateException(where + ": filter pattern value of " + entry.getKey() + " should be a list");
            }
        }
    }

    /** The record as Lambda's filter sees it: the stream record's JSON, attribute values in DynamoDB JSON. */
    private static Map<String, Object> json(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, Object> dynamodb = new LinkedHashMap<>();
        var change = record.getDynamodb();
        if (change.getKeys() != null) dynamodb.put("Keys", image(change.getKeys()));
        if (change.getNewImage() != null) dynamodb.put("NewImage", image(change.getNewImage()));
        if (change.getOldImage() != null) dynamodb.put("OldImage", image(change.getOldImage()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventName", record.getEventName());
        json.put("eventSource", record.getEventSource());
        json.put("dynamodb", dynamodb);
        return json;
    }

    private static Map<String, Object> image(Map<String, AttributeValue> image) {
        Map<String, Object> json = new LinkedHashMap<>();
        image.forEach((name, value) -> json.put(name, value(value)));
        return json;
    }

    private static Map<String, Object> value(AttributeValue v) {
        if (v.getS() != null) return Map.of("S", v.getS());
        if (v.getN() != null) return Map.of("N", v.getN());
        if (v.getB() != null) return Map.of("B", base64(v.getB()));
        if (v.getBOOL() != null) return Map.of("BOOL", v.getBOOL());
        if (v.getSS() != null) return Map.of("SS", v.getSS());
        if (v.getNS() != null) return Map.of("NS", v.getNS());
        if (v.getBS() != null) return Map.of("BS", v.getBS().stream().map(EventFilter::base64).toList());
        if (v.getM() != null) return Map.of("M", image(v.getM()));
        if (v.getL() != null) return Map.of("L", v.getL().stream().map(EventFilter::value).toList());
        return Map.of("NULL", true);
    }

    private static String base64(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
