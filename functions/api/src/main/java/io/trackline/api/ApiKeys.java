package io.trackline.api;

import io.trackline.api.application.auth.ApiKey;
import io.trackline.api.application.auth.ApiKeyRegistry;
import io.trackline.api.adapter.dynamodb.DynamoDbApiKeys;
import io.trackline.aws.AwsClients;
import io.trackline.aws.Settings;

import java.io.PrintStream;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Creates and revokes API keys. {@code create <tenantId> <name>} prints the new key once (only its SHA-256 is stored);
 * {@code revoke <key or sha256>} marks it revoked (the API stops accepting it within its cache TTL, 60 s by default).
 * Reads {@code TABLE_NAME} and optionally {@code AWS_ENDPOINT_URL} from the environment; credentials and region as
 * {@link io.trackline.aws.AwsClients} and {@link io.trackline.aws.Settings#region()} decide them.
 */
public final class ApiKeys {
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private final ApiKeyRegistry registry;
    private final Clock clock;

    public ApiKeys(ApiKeyRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** @return the new key, which exists nowhere else from now on */
    public String create(String tenantId, String name) {
        if (!TENANT.matcher(tenantId).matches()) throw new IllegalArgumentException("tenantId must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
        if (name.isBlank() || name.length() > 100) throw new IllegalArgumentException("name must be 1 to 100 characters");
        String key = ApiKey.generate();
        registry.add(ApiKey.hash(key), tenantId, name, clock.instant());
        return key;
    }

    public boolean revoke(String keyOrHash) {
        return registry.revoke(HASH.matcher(keyOrHash).matches() ? keyOrHash : ApiKey.hash(keyOrHash));
    }

    public static void main(String[] args) {
        System.exit(run(args, Settings.fromEnvironment(), System.out, System.err));
    }

    static int run(String[] args, Settings settings, PrintStream out, PrintStream err) {
        if (args.length == 3 && args[0].equals("create") || args.length == 2 && args[0].equals("revoke")) {
            try (var dynamo = new AwsClients(settings).dynamoDb()) {
                var keys = new ApiKeys(new DynamoDbApiKeys(dynamo, settings.required("TABLE_NAME")), Clock.systemUTC());
                if (args[0].equals("create")) {
                    out.println(keys.create(args[1], args[2]));
                    return 0;
                }
                if (keys.revoke(args[1])) return 0;
                err.println("no such API key");
                return 1;
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            } catch (IllegalStateException e) { // a missing setting: TABLE_NAME, or no region for AWS
                err.println(e.getMessage());
                return 2;
            }
        }
        err.println("usage: ApiKeys create <tenantId> <name> | ApiKeys revoke <key or sha256 hex>");
        return 2;
    }
}
