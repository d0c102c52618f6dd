package io.trackline.notifier.application;

/**
 * Port: sends one email to a customer. Today an SNS topic with per-customer filter policies; a bulk mail service
 * (e.g. SES) can replace it behind this port without touching the rules.
 */
public interface EmailSender {
    /**
     * @throws RejectedMessage when the service refuses this message for good
     */
    String send(String customerId, EmailMessage message);

    record EmailMessage(String subject, String body) {
    }
}
