package io.trackline.webhook.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.trackline.aws.Json;
import io.trackline.webhook.application.WebhookRejected;

import java.io.CharConversionException;
import java.io.IOException;

/**
 * Reads a body with the shared mapper's limits (nesting {@value Json#MAX_NESTING}, strings up to
 * {@value Json#MAX_STRING_LENGTH} characters), refusing trailing content. Rejections describe the problem and its
 * position, never echo the content.
 */
public final class JsonBody {
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    public static Field read(byte[] body) {
        if (body.length == 0) throw WebhookRejected.malformed("the body is empty");
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw WebhookRejected.malformed("the body exceeds a JSON limit: nesting deeper than " + Json.MAX_NESTING
                    + ", a string longer than " + Json.MAX_STRING_LENGTH + " characters, or a number too long");
        } catch (JsonEOFException e) {
            throw WebhookRejected.malformed("the JSON ends too early (truncated body?)");
        } catch (CharConversionException e) {
            throw WebhookRejected.malformed("the body is not valid UTF-8");
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage();
            if (problem != null && problem.contains("UTF-8")) throw WebhookRejected.malformed("the body is not valid UTF-8");
            var at = e.getLocation();
            throw WebhookRejected.malformed("the body is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw WebhookRejected.malformed("the body could not be read as JSON");
        }
        if (root == null || root.isMissingNode()) throw WebhookRejected.malformed("the body is empty");
        if (!root.isObject()) throw WebhookRejected.malformed("the body must be a JSON object");
        return Field.root(root);
    }
}
