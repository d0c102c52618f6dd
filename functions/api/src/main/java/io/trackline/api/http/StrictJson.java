package io.trackline.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.trackline.aws.Json;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a write's body into its request record, refusing anything it does not declare: a body carrying
 * {@code status}, {@code tenantId}, {@code version} or any other unknown field is a 400, never silently ignored.
 */
public final class StrictJson {
    /**
     * {@link Json#mapper()} without scalar coercion: {@code "city": 42} or {@code "name": true} is the wrong type, as the
     * OpenAPI document says, not the string "42" (Jackson's default).
     */
    private static final ObjectMapper STRICT = strict();

    private StrictJson() {
    }

    private static ObjectMapper strict() {
        ObjectMapper mapper = Json.mapper().copy();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public static <T> T read(ApiRequest request, Class<T> type) {
        String contentType = request.header("content-type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) throw Problems.notJson();
        if (request.body() == null || request.body().isBlank()) throw Problems.malformedBody("A JSON body is required.");
        ObjectReader reader = STRICT.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                // {"orderId":"a","orderId":"b"} means two things; refuse it rather than pick one.
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        try {
            T value = reader.readValue(request.body());
            if (value == null) throw Problems.malformedBody("The body must be a JSON object.");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw Problems.unknownField(path(e));
        } catch (MismatchedInputException e) {
            throw Problems.invalid(path(e), "The field '" + path(e) + "' has the wrong type or format.");
        } catch (JsonProcessingException e) {
            throw Problems.malformedBody("The body is not valid JSON.");
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
