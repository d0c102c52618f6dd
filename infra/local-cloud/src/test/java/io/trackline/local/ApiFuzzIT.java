package io.trackline.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.trackline.local.demo.DemoCredentials;
import io.trackline.local.testing.Http;
import io.trackline.local.testing.RunningCloud;
import io.trackline.local.testing.SchemaValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schema-driven fuzzing of the API on the local cloud, from the document it serves ({@code GET /v1/openapi.json}):
 * for every operation, requests generated from its schemas, valid ones and ones with exactly one thing wrong (a missing
 * required field, a wrong type, a string too long, a pattern broken, a value outside the enum, an unpaired surrogate, a
 * control character, a huge or impossible date, an unknown field, a body that is not JSON or not declared JSON, no or a
 * wrong credential, an id nobody has), with the demo tenant's API key and the demo customer's token. Every answer must
 * keep the document: no 5xx, a status the operation declares, a body that validates against the schema declared for
 * that status and content type, problem+json for every error. A valid request is never a 400, 413 or 415; a request
 * with something wrong is never a success. A fixed seed makes the run the same every time; it prints what it sent.
 */
class ApiFuzzIT {
    private static final long SEED = 20261206L;
    private static final int REQUESTS_PER_OPERATION = 36;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningCloud CLOUD = new RunningCloud(LocalCloudOptions.forTests());

    private final LocalCloud cloud = CLOUD.cloud();
    private final DemoCredentials.Tenant tenant = cloud.demo().tenants().getFirst();
    private final DemoCredentials.Customer customer = cloud.demo().customers().getFirst();
    private final Random random = new Random(SEED);
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new HashMap<>();
    private final Map<String, List<String>> pools = new HashMap<>();
    private JsonNode document;
    private SchemaValues values;

    @Test
    void shouldAnswerEveryGeneratedRequestAsTheDocumentSays_whenFuzzedFromTheServedOpenApiDocument() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> served = Http.get(cloud.apiUrl().resolve("/v1/openapi.json"));
        assertThat(served.statusCode()).isEqualTo(200);
        var parsed = new OpenAPIV3Parser().readContents(served.body(), null, new ParseOptions());
        assertThat(parsed.getMessages()).as("swagger-parser's messages on the served document").isEmpty();
        document = JSON.readTree(served.body());
        values = new SchemaValues(document, random, LocalDate.now(ZoneOffset.UTC));
        seed();

        var violations = new ArrayList<String>();
        var statuses = new TreeMap<String, Map<Integer, Integer>>();
        int sent = 0;
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                String operation = method + " " + path.getKey();
                for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                    Request request = generate(path.getKey(), method, entry.getValue());
                    HttpResponse<String> response = Http.send(request.http(cloud.apiUrl()));
                    sent++;
                    statuses.computeIfAbsent(operation + (request.valid() ? " valid" : " one thing wrong"), o -> new TreeMap<>())
                            .merge(response.statusCode(), 1, Integer::sum);
                    for (String problem : check(entry.getValue(), request, response)) {
                        violations.add(operation + " [" + request.what() + "] -> " + response.statusCode() + ": " + problem
                                + "\n    body sent: " + abbreviate(request.body()) + "\n    answer: " + abbreviate(response.body()));
                    }
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("ApiFuzzIT: seed " + SEED + ", " + sent + " requests in " + millis + " ms, " + violations.size()
                + " violations");
        statuses.forEach((operation, counts) -> System.out.println("  " + operation + ": " + counts));
        violations.stream().limit(60).forEach(v -> System.out.println("  VIOLATION " + v));
        assertThat(violations).as("answers that break the OpenAPI document").isEmpty();
    }

    /** Shipments and orders of the demo tenant and customer, so that valid requests reach more than 404. */
    private void seed() throws Exception {
        for (int i = 0; i < 4; i++) {
            String number = "FZ" + SEED + i;
            ObjectNode body = (ObjectNode) values.valid(document.at("/components/schemas/RegisterShipmentInput"), "seed");
            body.put("customerId", customer.id()).put("orderId", "fuzz-order-" + (i % 2)).put("trackingNumber", number)
                    .put("carrier", "ups");
            var answer = Http.post(cloud.apiUrl().resolve("/v1/shipments"), "application/json",
                    JSON.writeValueAsBytes(body), "x-api-key", tenant.apiKey());
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
            pools.computeIfAbsent("tenant:id", k -> new ArrayList<>()).add(JSON.readTree(answer.body()).get("id").asText());
            pools.computeIfAbsent("tenant:orderId", k -> new ArrayList<>()).add("fuzz-order-" + (i % 2));
            pools.computeIfAbsent("public:carrier", k -> new ArrayList<>()).add("ups");
            pools.computeIfAbsent("public:trackingNumber", k -> new ArrayList<>()).add(number);
        }
        pools.put("customer:id", List.copyOf(pools.get("tenant:id")));
        // a webhook endpoint of the demo tenant, so that its routes reach more than 404 (a receiver that is not there)
        var endpoint = Http.post(cloud.apiUrl().resolve("/v1/webhook-endpoints"), "application/json",
                "{\"url\": \"http://127.0.0.1:9/webhooks\"}".getBytes(StandardCharsets.UTF_8), "x-api-key", tenant.apiKey());
        assertThat(endpoint.statusCode()).as(endpoint.body()).isEqualTo(201);
        pools.get("tenant:id").add(JSON.readTree(endpoint.body()).get("id").asText());
        var mine = JSON.readTree(Http.get(cloud.apiUrl().resolve("/v1/me/orders"), "authorization", "Bearer " + customer.token()).body());
        mine.path("items").forEach(o -> pools.computeIfAbsent("customer:orderId", k -> new ArrayList<>()).add(o.get("id").asText()));
    }

    private Request generate(String template, String method, JsonNode operation) throws Exception {
        String audience = audience(operation);
        var pathValues = new LinkedHashMap<String, String>();
        var query = new LinkedHashMap<String, String>();
        var wrongs = new ArrayList<Supplier<Request>>();
        Request valid = new Request(method, template, pathValues, query, audience, "valid", true, null, "application/json", true);

        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode p = values.resolve(parameter);
            String name = p.get("name").asText();
            JsonNode schema = p.path("schema");
            if (p.get("in").asText().equals("path")) {
                List<String> pool = pools.getOrDefault(audience + ":" + name, List.of());
                pathValues.put(name, pool.isEmpty() ? "none-" + random.nextInt(1000) : pool.get(random.nextInt(pool.size())));
                wrongs.add(() -> valid.withPath(name, "shp_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36), "an id nobody has"));
            } else if (p.path("required").asBoolean()) {
                List<String> pool = pools.getOrDefault("public:" + name, List.of());
                query.put(name, pool.isEmpty() ? values.valid(schema, name).asText() : pool.get(random.nextInt(pool.size())));
                wrongs.add(() -> valid.withQuery(name, null, "missing required " + name));
            } else {
                JsonNode s = values.resolve(schema);
                if (random.nextBoolean() && (s.has("enum") || s.has("examples") || SchemaValues.type(s).equals("integer"))) {
                    query.put(name, values.valid(s, name).asText());
                }
                for (var wrong : values.wrongs(s)) {
                    if (wrong.kind().equals("unpaired surrogate") || wrong.kind().equals("control character")) continue;
                    wrongs.add(() -> valid.withQuery(name, wrong.value().isTextual() ? wrong.value().asText() : wrong.value().toString(),
                            wrong.kind() + " " + name));
                }
                if (name.equals("cursor")) wrongs.add(() -> valid.withQuery(name, "eyJmb3JnZWQiOnRydWV9", "forged cursor"));
            }
        }

        JsonNode requestSchema = operation.path("requestBody").path("content").path("application/json").path("schema");
        Request request = valid;
        if (!requestSchema.isMissingNode()) {
            // Valid is what the document's schema says is valid (its if/then too): generate until the validator agrees.
            Schema bodySchema = compiled.computeIfAbsent(method + " " + template + " request", k -> compile(requestSchema));
            JsonNode body = values.valid(requestSchema, "body");
            for (int tries = 1; !bodySchema.validate(body.toString(), InputFormat.JSON).isEmpty(); tries++) {
                assertThat(tries).as("a valid body for " + method + " " + template + " within 50 tries").isLessThan(50);
                body = values.valid(requestSchema, "body");
            }
            JsonNode validBody = body;
            request = valid.withBody(validBody);
            Request withBody = request;
            for (var place : values.places(requestSchema, validBody, List.of())) {
                if (place.required() && place.present()) {
                    wrongs.add(() -> withBody.withBody(SchemaValues.with(validBody, place.path(), null), "missing required " + place.name()));
                }
                for (var wrong : values.wrongs(place.schema())) {
                    JsonNode wrongBody = SchemaValues.with(validBody, place.path(), wrong.value());
                    // JSON Schema cannot see an unpaired surrogate or a control character; everything else it must refuse
                    boolean unseen = wrong.kind().equals("unpaired surrogate") || wrong.kind().equals("control character")
                            || wrong.kind().endsWith("date");
                    if (unseen || !bodySchema.validate(wrongBody.toString(), InputFormat.JSON).isEmpty()) {
                        wrongs.add(() -> withBody.withBody(wrongBody, wrong.kind() + " " + place.name()));
                    }
                }
            }
            wrongs.add(() -> withBody.withBody(SchemaValues.with(validBody, List.of("status"), SchemaValues.text("DELIVERED")), "unknown field status"));
            wrongs.add(() -> withBody.withRawBody("{\"oops\": ", "application/json", "not JSON"));
            wrongs.add(() -> withBody.withRawBody(withBody.body(), "text/plain", "not declared JSON"));
            wrongs.add(() -> withBody.withRawBody("", "application/json", "empty body"));
        }
        if (!audience.equals("public")) {
            Request base = request;
            wrongs.add(() -> base.withCredentials(false, "no credentials"));
            wrongs.add(() -> base.withCredentials(true, "a wrong credential"));
        }
        if (wrongs.isEmpty() || random.nextInt(100) < 40) return request;
        return wrongs.get(random.nextInt(wrongs.size())).get();
    }

    private static String audience(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.has("apiKey")) return "tenant";
            if (requirement.has("customerJwt")) return "customer";
        }
        return "public";
    }

    private List<String> check(JsonNode operation, Request request, HttpResponse<String> response) throws Exception {
        var problems = new ArrayList<String>();
        int status = response.statusCode();
        if (status >= 500) problems.add("a 5xx");
        if (request.valid() && (status == 400 || status == 413 || status == 415)) problems.add("a valid request refused");
        if (!request.valid() && status < 400) problems.add("a request with something wrong accepted");
        JsonNode declared = operation.path("responses").path(Integer.toString(status));
        if (declared.isMissingNode()) {
            problems.add("status " + status + " is not declared");
            return problems;
        }
        if (!values.resolve(declared).has("content")) {
            if (!response.body().isEmpty()) problems.add("a body where " + status + " declares none");
            return problems;
        }
        String contentType = response.headers().firstValue("content-type").orElse("").split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = values.resolve(declared).path("content").path(contentType);
        if (media.isMissingNode()) {
            problems.add("content type '" + contentType + "' is not declared for " + status);
            return problems;
        }
        boolean gateways = media.path("schema").path("$ref").asText().endsWith("/GatewayUnauthorized");
        if (status >= 400 && !contentType.equals("application/problem+json") && !gateways) {
            problems.add("an error that is not problem+json");
        }
        String key = request.method() + " " + request.template() + " " + status + " " + contentType;
        Schema schema = compiled.computeIfAbsent(key, k -> compile(media.path("schema")));
        schema.validate(response.body(), InputFormat.JSON).forEach(error -> problems.add("body: " + error));
        return problems;
    }

    /** The declared schema with the document's components beside it, so its {@code #/components/...} references resolve. */
    private Schema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("components", document.get("components"));
        return schemas.getSchema(root.toString(), InputFormat.JSON);
    }

    private static String abbreviate(String text) {
        if (text == null) return "-";
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One request: where, with what, as whom, and whether it is valid by the document. */
    private record Request(String method, String template, Map<String, String> path, Map<String, String> query, String audience,
                           String what, boolean valid, String body, String contentType, boolean rightCredentials) {

        Request withPath(String name, String value, String what) {
            var copy = new LinkedHashMap<>(path);
            copy.put(name, value);
            return new Request(method, template, copy, query, audience, what, false, body, contentType, rightCredentials);
        }

        Request withQuery(String name, String value, String what) {
            var copy = new LinkedHashMap<>(query);
            if (value == null) copy.remove(name); else copy.put(name, value);
            return new Request(method, template, path, copy, audience, what, false, body, contentType, rightCredentials);
        }

        Request withBody(JsonNode json) {
            return new Request(method, template, path, query, audience, what, valid, json(json), contentType, rightCredentials);
        }

        Request withBody(JsonNode json, String what) {
            return new Request(method, template, path, query, audience, what, false, json(json), contentType, rightCredentials);
        }

        Request withRawBody(String raw, String type, String what) {
            return new Request(method, template, path, query, audience, what, false, raw, type, rightCredentials);
        }

        Request withCredentials(boolean present, String what) {
            return new Request(method, template, path, query, present ? audience : "public", what, false, body, contentType, false);
        }

        HttpRequest.Builder http(URI api) {
            String resolved = template;
            for (var p : path.entrySet()) resolved = resolved.replace("{" + p.getKey() + "}", encode(p.getValue()).replace("+", "%20"));
            var uri = new StringBuilder(resolved);
            String separator = "?";
            for (var q : query.entrySet()) {
                uri.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
                separator = "&";
            }
            var builder = HttpRequest.newBuilder(api.resolve(uri.toString()));
            builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)));
            if (body != null) builder.header("content-type", contentType);
            switch (audience) {
                case "tenant" -> builder.header("x-api-key", rightCredentials ? CLOUD.cloud().demo().tenants().getFirst().apiKey()
                        : "tl_" + "0".repeat(40));
                case "customer" -> builder.header("authorization", "Bearer " + (rightCredentials
                        ? CLOUD.cloud().demo().customers().getFirst().token() : "eyJhbGciOiJub25lIn0.e30."));
                default -> {
                }
            }
            return builder;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        /** JSON text with an unpaired surrogate written as its escape ({@code \ud800}), as a client's JSON would carry it. */
        private static String json(JsonNode value) {
            String text;
            try {
                text = JSON.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            var escaped = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    escaped.append(c).append(text.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    escaped.append(String.format("\\u%04x", (int) c));
                } else {
                    escaped.append(c);
                }
            }
            return escaped.toString();
        }
    }
}
