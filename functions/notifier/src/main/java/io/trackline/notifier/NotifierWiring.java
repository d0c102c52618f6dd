package io.trackline.notifier;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.aws.metrics.Emf;
import io.trackline.domain.alerts.AlertPolicy;
import io.trackline.domain.alerts.SmsCaps;
import io.trackline.notifier.adapter.cloudwatch.EmfAlertMetrics;
import io.trackline.notifier.adapter.dynamodb.DynamoDbCustomerSettings;
import io.trackline.notifier.adapter.dynamodb.DynamoDbNotificationLedger;
import io.trackline.notifier.adapter.dynamodb.DynamoDbShipmentSnapshots;
import io.trackline.notifier.adapter.dynamodb.DynamoDbStopList;
import io.trackline.notifier.adapter.sns.SnsSmsOptOuts;
import io.trackline.notifier.adapter.sns.SnsSmsSender;
import io.trackline.notifier.adapter.sns.SnsTopicEmailSender;
import io.trackline.notifier.adapter.sqs.SqsHeldAlerts;
import io.trackline.notifier.adapter.sqs.SqsRetries;
import io.trackline.notifier.application.AlertMetrics;
import io.trackline.notifier.application.RecordOptOut;
import io.trackline.notifier.application.SendAlerts;
import io.trackline.notifier.adapter.templates.AlertMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Clock;

/**
 * The notifier's one wiring: its use cases from its settings ({@code template.yaml}, NotifierFunction): {@code TABLE_NAME},
 * {@code CUSTOMER_EMAIL_TOPIC_ARN}, {@code NOTIFICATION_QUEUE_URL}, {@code TRACKING_PAGE_URL},
 * {@code SMS_DAILY_CAP_PER_SHIPMENT}, {@code SMS_DAILY_CAP_PER_CUSTOMER}, {@code SMS_DAILY_CAP_PER_PHONE}, optional {@code CLAIM_LEASE} (ISO-8601) and
 * {@code SMS_ORIGINATION_NUMBER} (blank: none).
 */
public record NotifierWiring(SendAlerts sendAlerts, RecordOptOut recordOptOut) {

    public static NotifierWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static NotifierWiring from(Settings settings) {
        return from(settings, new AwsClients(settings));
    }

    /** Tests pass clients that may carry interceptors. */
    public static NotifierWiring from(Settings settings, AwsClients clients) {
        return from(settings, clients, Clock.systemUTC());
    }

    public static NotifierWiring from(Settings settings, AwsClients clients, Clock clock) {
        String table = settings.required("TABLE_NAME");
        DynamoDbClient dynamoDb = clients.dynamoDb();
        SnsClient sns = clients.sns();
        AlertPolicy policy = new AlertPolicy(new SmsCaps(settings.intValue("SMS_DAILY_CAP_PER_SHIPMENT", 5),
                settings.intValue("SMS_DAILY_CAP_PER_CUSTOMER", 20),
                settings.intValue("SMS_DAILY_CAP_PER_PHONE", SmsCaps.DEFAULT_PER_PHONE_PER_DAY)), AlertPolicy.DEFAULT_MAX_AGE);
        AlertMetrics metrics = new EmfAlertMetrics(Emf.toLog(EmfAlertMetrics.NAMESPACE));
        SendAlerts sendAlerts = new SendAlerts(policy,
                new DynamoDbShipmentSnapshots(dynamoDb, table),
                new DynamoDbCustomerSettings(dynamoDb, table),
                new SnsSmsOptOuts(sns),
                new DynamoDbNotificationLedger(dynamoDb, table, settings.duration("CLAIM_LEASE", DynamoDbNotificationLedger.DEFAULT_LEASE)),
                new SnsSmsSender(sns, settings.optional("SMS_ORIGINATION_NUMBER")),
                new SnsTopicEmailSender(sns, settings.required("CUSTOMER_EMAIL_TOPIC_ARN")),
                new SqsHeldAlerts(clients.sqs(), settings.required("NOTIFICATION_QUEUE_URL"), clock),
                new AlertMessages(settings.required("TRACKING_PAGE_URL")),
                metrics,
                new SqsRetries(clients.sqs(), settings.required("NOTIFICATION_QUEUE_URL"), clock),
                clock);
        return new NotifierWiring(sendAlerts, new RecordOptOut(new DynamoDbStopList(dynamoDb, table), metrics, clock));
    }
}
