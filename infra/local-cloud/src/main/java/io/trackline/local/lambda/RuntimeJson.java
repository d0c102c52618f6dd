package io.trackline.local.lambda;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The mapper for what runtimes send back (results, errors): lenient, as Lambda and API Gateway are, about fields they do
 * not know and about size (a function's answer may be far larger than anything the functions themselves accept).
 */
public final class RuntimeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuntimeJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
