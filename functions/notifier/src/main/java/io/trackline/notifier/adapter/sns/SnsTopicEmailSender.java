package io.trackline.notifier.adapter.sns;

import io.trackline.notifier.application.EmailSender;
import io.trackline.notifier.application.RejectedMessage;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/**
 * Email through the customer-email topic: each customer's email subscription has the filter policy
 * {@code {"customerId": ["<id>"]}}, so a publish with that attribute reaches exactly their confirmed address.
 */
public final class SnsTopicEmailSender implements EmailSender {
    /** SNS rejects subjects of 100 characters or more. */
    private static final int MAX_SUBJECT = 99;

    private final SnsClient sns;
    private final String topicArn;

    public SnsTopicEmailSender(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String send(String customerId, EmailMessage message) {
        String subject = message.subject().length() > MAX_SUBJECT ? message.subject().substring(0, MAX_SUBJECT) : message.subject();
        try {
            return sns.publish(b -> b.topicArn(topicArn).subject(subject).message(message.body())
                    .messageAttributes(Map.of("customerId",
                            MessageAttributeValue.builder().dataType("String").stringValue(customerId).build())))
                    .messageId();
        } catch (InvalidParameterException e) {
            throw new RejectedMessage("SNS refused the email: " + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
