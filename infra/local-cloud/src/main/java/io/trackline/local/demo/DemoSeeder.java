package io.trackline.local.demo;

import io.trackline.domain.webhooks.StandardWebhooks;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.trackline.api.ApiKeys;
import io.trackline.api.adapter.dynamodb.DynamoDbApiKeys;
import io.trackline.aws.Json;
import io.trackline.testkit.cloud.LocalAws;
import io.trackline.testkit.cloud.Stack;
import io.trackline.local.gateway.LocalIssuer;
import io.trackline.testkit.template.TemplateException;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds the demo: two tenants whose API keys are stored hashed (README "Data model": {@code APIKEY#<sha256 hex>} /
 * {@code APIKEY}), two customers with 24-hour tokens from the local issuer, and a fresh {@code whsec_} secret per
 * webhook source in the template's one secret. Everything is random per start; nothing is reused from a previous run.
 */
public final class DemoSeeder {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    private static final List<String[]> TENANTS = List.of(
            new String[]{"tenant-demo-1", "Demo Outfitters"},
            new String[]{"tenant-demo-2", "Sample Sellers"});
    private static final List<String> CUSTOMERS = List.of("customer-demo-1", "customer-demo-2");

    private final SecureRandom random = new SecureRandom();
    private final LocalAws aws;

    public DemoSeeder(LocalAws aws) {
        this.aws = aws;
    }

    /**
     * @param tableId  the logical id of the table that holds API keys
     * @param secretId the logical id of the secret that holds the webhook secrets
     */
    public DemoCredentials seed(Stack stack, String tableId, String secretId, LocalIssuer issuer, URI apiUrl) {
        String table = stack.tables().get(tableId);
        if (table == null) throw new TemplateException("no DynamoDB table " + tableId + " for the demo API keys");
        String secret = stack.secrets().get(secretId);
        if (secret == null) throw new TemplateException("no Secrets Manager secret " + secretId + " for the webhook secrets");

        // Keys are made and stored exactly as `infra/bin/api-keys create` does it: only their hash reaches the table.
        var apiKeys = new ApiKeys(new DynamoDbApiKeys(aws.dynamoDb(), table), Clock.systemUTC());
        List<DemoCredentials.Tenant> tenants = new ArrayList<>();
        for (String[] tenant : TENANTS) {
            tenants.add(new DemoCredentials.Tenant(tenant[0], apiKeys.create(tenant[0], tenant[1])));
        }
        List<DemoCredentials.Customer> customers = CUSTOMERS.stream()
                .map(id -> new DemoCredentials.Customer(id, issuer.token(id, TOKEN_LIFETIME)))
                .toList();

        Map<String, String> webhookSecrets = new LinkedHashMap<>();
        Map<String, List<String>> stored = new LinkedHashMap<>();
        for (String source : DemoCredentials.SOURCES) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            String value = StandardWebhooks.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
            webhookSecrets.put(source, value);
            stored.put(source, List.of(value));
        }
        aws.secretsManager().putSecretValue(r -> r.secretId(secret).secretString(json(stored)));
        Map<String, String> keys = aws.settings(Map.of());
        return new DemoCredentials(apiUrl, aws.endpoint(), aws.region(), keys.get("AWS_ACCESS_KEY_ID"),
                keys.get("AWS_SECRET_ACCESS_KEY"), tenants, customers, webhookSecrets);
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secrets always serialise", e);
        }
    }
}
