package io.trackline.notifier.adapter.sns;

import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.notifier.application.SmsOptOuts;
import software.amazon.awssdk.services.sns.SnsClient;

/** SNS keeps the numbers that replied STOP to its SMS; {@code CheckIfPhoneNumberIsOptedOut} asks that list. */
public final class SnsSmsOptOuts implements SmsOptOuts {
    private final SnsClient sns;

    public SnsSmsOptOuts(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public boolean isOptedOut(PhoneNumber phone) {
        return Boolean.TRUE.equals(sns.checkIfPhoneNumberIsOptedOut(b -> b.phoneNumber(phone.e164())).isOptedOut());
    }
}
