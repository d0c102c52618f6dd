package io.trackline.local.demo;

import io.trackline.domain.webhooks.StandardWebhooks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackline.aws.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/** Writes the demo credentials to {@code local.json} and tells a person how to use them, with curl commands. */
public final class DemoGuide {
    private DemoGuide() {
    }

    public static ObjectNode json(DemoCredentials demo) {
        ObjectNode root = Json.mapper().createObjectNode()
                .put("apiUrl", demo.apiUrl().toString())
                .put("awsEndpoint", demo.awsEndpoint().toString())
                .put("region", demo.region())
                .put("awsAccessKeyId", demo.awsAccessKeyId())
                .put("awsSecretAccessKey", demo.awsSecretAccessKey());
        var tenants = root.putArray("tenants");
        demo.tenants().forEach(t -> tenants.addObject().put("id", t.id()).put("apiKey", t.apiKey()));
        var customers = root.putArray("customers");
        demo.customers().forEach(c -> customers.addObject().put("id", c.id()).put("token", c.token()));
        var secrets = root.putObject("webhookSecrets");
        demo.webhookSecrets().forEach(secrets::put);
        return root;
    }

    public static void write(DemoCredentials demo, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json(demo).toPrettyString() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static String describe(DemoCredentials demo, String localJson, List<String> scheduledFunctions) {
        String api = demo.apiUrl().toString();
        var tenant = demo.tenants().getFirst();
        var customer = demo.customers().getFirst();
        String nativeKeyHex = HexFormat.of().formatHex(StandardWebhooks.key(demo.webhookSecrets().get("native")));
        StringBuilder out = new StringBuilder();
        out.append("\nAPI            ").append(api).append('\n');
        out.append("AWS emulator   ").append(demo.awsEndpoint()).append("  (region ").append(demo.region()).append(")\n");
        out.append("AWS keys       AWS_ACCESS_KEY_ID=").append(demo.awsAccessKeyId()).append(" AWS_SECRET_ACCESS_KEY=")
                .append(demo.awsSecretAccessKey()).append("  (the local operator, allowed everything)\n");
        out.append("Credentials    ").append(localJson).append("\n\n");
        // The one place Trackline prints secrets: made at start for this emulator, gone when it stops. Deployed functions
        // log none (io.trackline.aws.log.Log), infra/bin/smoke masks what it is given, smoke-local-cloud filters these.
        out.append("Throwaway demo credentials of this local cloud only (they die with it; never paste real ones here):\n");
        for (var t : demo.tenants()) out.append("tenant   ").append(t.id()).append("  x-api-key: ").append(t.apiKey()).append('\n');
        for (var c : demo.customers()) out.append("customer ").append(c.id()).append("  Bearer ").append(c.token()).append('\n');
        for (String source : DemoCredentials.SOURCES) {
            out.append("webhook secret ").append(String.format("%-9s", source)).append(' ').append(demo.webhookSecrets().get(source)).append('\n');
        }
        out.append("""

                Try it:
                  # register a shipment (tenant 1), promised a week from today (registration accepts dates within 2 years)
                  curl -sS -X POST %1$s/v1/shipments -H 'x-api-key: %2$s' -H 'content-type: application/json' -d '{"orderId":"order-1001","customerId":"%3$s","carrier":"usps","trackingNumber":"9400111899223817576001","service":"Priority Mail","promisedDeliveryDate":"'$(date -u -d +7days +%%F)'","deliveryAddress":{"name":"Ada Lovelace","line1":"1 Main St","city":"Springfield","region":"IL","postalCode":"62701","country":"US"},"contact":{"email":"ada@example.com","phone":"+14155550123"}}'

                  # send a signed native webhook (Standard Webhooks)
                  id=msg_$(date +%%s%%N); ts=$(date +%%s)
                  body='{"carrier":"usps","trackingNumber":"9400111899223817576001","status":"OUT_FOR_DELIVERY","occurredAt":"'$(date -u +%%Y-%%m-%%dT%%H:%%M:%%S+00:00)'","description":"Out for delivery","location":{"city":"Springfield","region":"IL","postalCode":"62701","country":"US"}}'
                  sig=$(printf '%%s' "$id.$ts.$body" | openssl dgst -sha256 -mac HMAC -macopt hexkey:%4$s -binary | base64)
                  curl -sS -X POST %1$s/v1/webhooks/native -H 'content-type: application/json' -H "webhook-id: $id" -H "webhook-timestamp: $ts" -H "webhook-signature: v1,$sig" -d "$body"

                  # read it back: by tracking number (tenant), and as the customer
                  curl -sS '%1$s/v1/shipments?carrier=usps&trackingNumber=9400111899223817576001' -H 'x-api-key: %2$s'
                  curl -sS %1$s/v1/me/orders -H 'authorization: Bearer %5$s'

                  # run a schedule now instead of waiting for it
                %6$s
                  # SMS that moto has "sent"; each ends with its link to the tracking page, %1$s/t/<shipment id>: open it in a browser
                  curl -sS %7$s/moto-api/data.json
                """.formatted(api, tenant.apiKey(), customer.id(), nativeKeyHex, customer.token(), scheduledFunctions.stream()
                        .map(f -> "  curl -sS -X POST " + api + "/local/schedules/" + f + "\n").reduce("", String::concat),
                demo.awsEndpoint()));
        return out.toString();
    }
}
