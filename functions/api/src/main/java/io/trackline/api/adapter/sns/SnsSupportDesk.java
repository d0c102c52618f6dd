package io.trackline.api.adapter.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.api.application.issues.CaseJson;
import io.trackline.api.application.issues.ProblemCase;
import io.trackline.api.application.issues.SupportDesk;
import io.trackline.aws.Json;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.util.Map;
import java.util.function.Supplier;

/** Publishes opened cases to the support topic, with attributes support tooling can filter on. */
public final class SnsSupportDesk implements SupportDesk {
    private final Supplier<SnsClient> sns;
    private final String topicArn;

    public SnsSupportDesk(Supplier<SnsClient> sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void caseOpened(ProblemCase c) {
        String message;
        try {
            message = Json.mapper().writeValueAsString(CaseJson.supportMessage(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case always serialises", e);
        }
        sns.get().publish(PublishRequest.builder().topicArn(topicArn).message(message)
                .messageAttributes(Map.of(
                        "kind", attribute("CASE_OPENED"),
                        "issueType", attribute(c.type().name()),
                        "tenantId", attribute(c.tenantId())))
                .build());
    }

    private static MessageAttributeValue attribute(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
