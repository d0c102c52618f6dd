package io.trackline.page;

import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;
import io.trackline.page.adapter.dynamodb.DynamoDbTrackedPackages;
import io.trackline.page.application.ShowTrackingPage;
import io.trackline.page.http.TrackingPageHtml;

import java.time.Clock;

/**
 * Builds the tracking page from its settings ({@code template.yaml}, TrackingPageFunction): {@code TABLE_NAME}, and
 * {@code CUSTOMER_PORTAL_URL} (blank: the page names no portal and links nowhere).
 */
public record PageWiring(ShowTrackingPage showTrackingPage, TrackingPageHtml html) {

    public static PageWiring fromEnvironment() {
        return from(Settings.fromEnvironment());
    }

    public static PageWiring from(Settings settings) {
        return from(settings, new AwsClients(settings), Clock.systemUTC());
    }

    /** Tests pass their clients and clock. */
    public static PageWiring from(Settings settings, AwsClients clients, Clock clock) {
        return new PageWiring(
                new ShowTrackingPage(new DynamoDbTrackedPackages(clients.dynamoDb(), settings.required("TABLE_NAME"))),
                new TrackingPageHtml(clock, settings.optional("CUSTOMER_PORTAL_URL")));
    }
}
