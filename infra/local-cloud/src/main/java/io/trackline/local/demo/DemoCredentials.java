package io.trackline.local.demo;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What a client of the local cloud needs, in the shape of {@code .trackline/local.json}: the API's URL, the emulator's
 * endpoint, region and operator keys (an IAM user allowed everything: the emulator enforces IAM), two tenants with API keys, two customers with tokens, and the webhook secrets per source.
 */
public record DemoCredentials(URI apiUrl, URI awsEndpoint, String region, String awsAccessKeyId, String awsSecretAccessKey,
                              List<Tenant> tenants, List<Customer> customers, Map<String, String> webhookSecrets) {
    public static final List<String> SOURCES = List.of("native", "easypost", "aftership", "shippo");

    public record Tenant(String id, String apiKey) {
    }

    public record Customer(String id, String token) {
    }
}
