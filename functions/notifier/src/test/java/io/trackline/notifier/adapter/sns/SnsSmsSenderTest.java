package io.trackline.notifier.adapter.sns;

import io.trackline.domain.alerts.PhoneNumber;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SnsSmsSenderTest {
    private final List<PublishRequest> published = new ArrayList<>();
    private final SnsClient sns = new SnsClient() {
        @Override
        public PublishResponse publish(PublishRequest request) {
            published.add(request);
            return PublishResponse.builder().messageId("m-" + published.size()).build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void shouldSendFromTheOriginationNumber_whenOneIsConfigured() {
        new SnsSmsSender(sns, Optional.of("+18005550100")).send(new PhoneNumber("+14155550123"), "Out for delivery");

        PublishRequest request = published.getFirst();
        assertThat(request.phoneNumber()).isEqualTo("+14155550123");
        assertThat(request.messageAttributes()).containsOnlyKeys("AWS.SNS.SMS.SMSType", "AWS.MM.SMS.OriginationNumber");
        assertThat(request.messageAttributes().get("AWS.MM.SMS.OriginationNumber").stringValue()).isEqualTo("+18005550100");
        assertThat(request.messageAttributes().get("AWS.SNS.SMS.SMSType").stringValue()).isEqualTo("Transactional");
    }

    @Test
    void shouldLetSnsChooseTheIdentity_whenTheSettingIsBlankOrAbsent() {
        new SnsSmsSender(sns, Optional.of(" ")).send(new PhoneNumber("+14155550123"), "a");
        new SnsSmsSender(sns).send(new PhoneNumber("+14155550123"), "b");

        assertThat(published).extracting(PublishRequest::messageAttributes)
                .allSatisfy(attributes -> assertThat((Map<String, MessageAttributeValue>) attributes)
                        .containsOnlyKeys("AWS.SNS.SMS.SMSType"));
    }
}
