package io.trackline.local.bench.cost;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AwsRequestLogTest {
    private static String line(String target, String service, String body) {
        return "{\"headers\": {\"Host\": \"127.0.0.1\", " + (target == null ? "" : "\"X-Amz-Target\": \"" + target + "\", ")
                + "\"Authorization\": \"AWS4-HMAC-SHA256 Credential=ASIAFUNCTION/20261206/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=abc\"}, \"method\": \"POST\", \"url\": \"http://127.0.0.1:5000/\","
                + " \"body\": \"" + Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\", \"body_encoded\": true}";
    }

    @Test
    void a_json_protocol_request_is_named_by_its_target() {
        var request = AwsRequestLog.parse(line("DynamoDB_20120810.TransactWriteItems", "dynamodb", "{}")).orElseThrow();

        assertThat(request.service()).isEqualTo("dynamodb");
        assertThat(request.operation()).isEqualTo("TransactWriteItems");
        assertThat(request.accessKeyId()).isEqualTo("ASIAFUNCTION");
    }

    @Test
    void a_query_protocol_request_is_named_by_its_action_and_keeps_its_parameters() {
        var request = AwsRequestLog.parse(line(null, "sns", "Action=Publish&PhoneNumber=%2B14155550100&Message=Out+for+delivery")).orElseThrow();

        assertThat(request.service()).isEqualTo("sns");
        assertThat(request.operation()).isEqualTo("Publish");
        assertThat(request.form()).containsEntry("PhoneNumber", "+14155550100").containsEntry("Message", "Out for delivery");
    }

    @Test
    void dynamodb_streams_is_told_apart_from_dynamodb() {
        var request = AwsRequestLog.parse(line("DynamoDBStreams_20120810.GetRecords", "dynamodb", "{}")).orElseThrow();

        assertThat(request.service()).isEqualTo("dynamodbstreams");
    }

    @Test
    void a_torn_or_unsigned_line_is_not_a_request() {
        assertThat(AwsRequestLog.parse("{\"headers\": {\"Host\": ")).isEmpty();
        assertThat(AwsRequestLog.parse("{\"headers\": {}, \"body\": \"\", \"body_encoded\": false}")).isEmpty();
    }
}
