package io.trackline.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackline.local.lambda.RuntimeJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How one invocation ended, as the runtime reported it (or as the local cloud decided: timeout, crash). */
sealed interface Outcome {
    /** The handler's result, serialised by the runtime. */
    record Success(byte[] payload) implements Outcome {
    }

    /** Lambda's error shape: {@code errorType}, {@code errorMessage} and the whole body as the runtime sent it. */
    record Failure(String errorType, String errorMessage, String body) implements Outcome {
        static Failure of(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            try {
                JsonNode error = RuntimeJson.mapper().readTree(body);
                return new Failure(error.path("errorType").asText("Unknown"), error.path("errorMessage").asText(""), text);
            } catch (IOException e) {
                return new Failure("Unknown", text, text);
            }
        }

        /** An error the local cloud reports itself, as Lambda would (a timeout, a runtime that exited). */
        static Failure local(String errorType, String errorMessage) {
            var body = RuntimeJson.mapper().createObjectNode().put("errorType", errorType).put("errorMessage", errorMessage);
            return new Failure(errorType, errorMessage, body.toString());
        }
    }
}
