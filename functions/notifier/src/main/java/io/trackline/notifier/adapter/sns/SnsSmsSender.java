package io.trackline.notifier.adapter.sns;

import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.notifier.application.RejectedMessage;
import io.trackline.notifier.application.SmsSender;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SMS through SNS {@code Publish} to an E.164 number, as a transactional message (higher delivery priority), from the
 * origination identity when one is configured ({@code SMS_ORIGINATION_NUMBER}, sent as
 * {@code AWS.MM.SMS.OriginationNumber}): the number whose two-way destination is InboundSmsTopic, so replies such as
 * STOP come back to us. Without it SNS picks an identity of the account.
 */
public final class SnsSmsSender implements SmsSender {
    static final String SMS_TYPE = "AWS.SNS.SMS.SMSType";
    static final String ORIGINATION_NUMBER = "AWS.MM.SMS.OriginationNumber";

    private final SnsClient sns;
    private final Map<String, MessageAttributeValue> attributes;

    public SnsSmsSender(SnsClient sns) {
        this(sns, Optional.empty());
    }

    /** @param originationNumber E.164 number, sender id, phone number id or ARN; blank means none */
    public SnsSmsSender(SnsClient sns, Optional<String> originationNumber) {
        this.sns = sns;
        Map<String, MessageAttributeValue> values = new HashMap<>();
        values.put(SMS_TYPE, string("Transactional"));
        originationNumber.map(String::strip).filter(s -> !s.isEmpty()).ifPresent(number -> values.put(ORIGINATION_NUMBER, string(number)));
        this.attributes = Map.copyOf(values);
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Override
    public String send(PhoneNumber to, String text) {
        try {
            return sns.publish(b -> b.phoneNumber(to.e164()).message(text).messageAttributes(attributes)).messageId();
        } catch (InvalidParameterException e) {
            throw new RejectedMessage("SNS refused the SMS: " + e.awsErrorDetails().errorMessage(), e);
        }
    }
}
