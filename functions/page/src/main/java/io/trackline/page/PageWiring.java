package io.trackline.page;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.page.adapter.dynamodb.DynamoDbTrackedPackages;
import io.trackline.page.application.ShowTrackingPage;
import io.trackline.page.html.TrackingPageHtml;

import java.time.Clock;

/**
 * Builds the tracking page from its settings ({@code template.yaml}, TrackingPageFunction): {@code TABLE_NAME}, and
 * {@code CUSTOMER_PORTAL_URL} (blank: the page names no portal and links nowhere).
 */
public record PageWiring(ShowTrackingPage showTrackingPage, TrackingPageHtml html) {

    public static PageWiring of(Settings settings, Clock clock) {
        AwsClients clients = new AwsClients(settings);
        return new PageWiring(
                new ShowTrackingPage(new DynamoDbTrackedPackages(clients.dynamoDb(), settings.required("TABLE_NAME"))),
                new TrackingPageHtml(clock, settings.optional("CUSTOMER_PORTAL_URL")));
    }
}
