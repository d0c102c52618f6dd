package io.trackline.notifier.adapter.sns;

import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.notifier.application.RejectedMessage;
import io.trackline.notifier.application.SmsSender;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.Map;

/** SMS through SNS {@code Publish} to an E.164 number, as a transactional message (higher delivery priority). */
public final class SnsSmsSender implements SmsSender {
    private static final Map<String, MessageAttributeValue> TRANSACTIONAL = Map.of("AWS.SNS.SMS.SMSType",
            MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build());

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public String send(PhoneNumber to, String text) {
        try {
            return sns.publish(b -> b.phoneNumber(to.e164()).message(text).messageAttributes(TRANSACTIONAL)).messageId();
        } catch (InvalidParameterException e) {
            throw new RejectedMessage("SNS refused the SMS: " + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
