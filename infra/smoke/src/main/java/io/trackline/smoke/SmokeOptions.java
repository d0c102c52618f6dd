package io.trackline.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the smoke test runs against, from the command line (and, for the two secrets, the environment, so that they need
 * not appear in a shell history or {@code ps}).
 *
 * @param apiUrl        the API's base URL, without a trailing slash (the stack output {@code ApiUrl})
 * @param apiKey        an API client's key ({@code x-api-key})
 * @param nativeSecret  the {@code native} webhook source's secret (a {@code whsec_} secret or a plain one)
 * @param waitLimit     how long each waiting step may take before it fails
 * @param phone         the E.164 number the shipment is registered with (the SMS alert goes there), or empty for none
 */
public record SmokeOptions(URI apiUrl, String apiKey, String nativeSecret, Duration waitLimit, Optional<String> phone) {
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    static final String API_KEY_ENV = "TRACKLINE_API_KEY";
    static final String WEBHOOK_SECRET_ENV = "TRACKLINE_WEBHOOK_SECRET";

    public static final String USAGE = """
            usage: infra/bin/smoke --api-url URL --api-key KEY --webhook-secret native=SECRET [options]
                   infra/bin/smoke --local [options]          (reads .trackline/local.json, written by `make run`)
                   infra/bin/smoke --local-json FILE [options]
            options:
              --wait SECONDS    how long each waiting step may take (default 60)
              --phone E164      register the shipment with this phone: its OUT_FOR_DELIVERY SMS goes there (on AWS a
                                real SMS: give a number you own, verified while the account is in the SMS sandbox)
              --no-sms          register without a phone: the alert is recorded as suppressed (NO_CONTACT), no SMS
                                (the default with --api-url; with --local a fictional +1 202 555 01xx number, which
                                the emulator records)
            environment: TRACKLINE_API_KEY and TRACKLINE_WEBHOOK_SECRET (the native secret) instead of the options,
            to keep the secrets out of the shell history.
            exit status: 0 every step passed, 1 a step failed, 2 bad arguments or unreadable local.json""";

    public SmokeOptions {
        phone.ifPresent(p -> {
            if (!p.matches("\\+[1-9][0-9]{6,14}")) throw new UsageException("--phone must be E.164 (+ and 7 to 15 digits), got " + p);
        });
    }

    /** Bad arguments: the message says which, {@link #USAGE} says the rest. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param root the repository root, against which {@code --local} finds {@code .trackline/local.json}
     * @throws UsageException when something is missing, unknown or malformed
     */
    public static SmokeOptions parse(String[] args, Map<String, String> environment, Path root) {
        String apiUrl = null;
        String apiKey = environment.get(API_KEY_ENV);
        String secret = environment.get(WEBHOOK_SECRET_ENV);
        Path localJson = null;
        Duration wait = DEFAULT_WAIT;
        Optional<String> phone = null; // neither --phone nor --no-sms: the default depends on where the smoke runs
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--local" -> localJson = root.resolve(".trackline/local.json");
                case "--no-sms" -> phone = Optional.empty();
                case "--api-url", "--api-key", "--webhook-secret", "--local-json", "--wait", "--phone" -> {
                    if (i + 1 >= args.length) throw new UsageException(option + " needs a value");
                    String value = args[++i];
                    switch (option) {
                        case "--api-url" -> apiUrl = value;
                        case "--api-key" -> apiKey = value;
                        case "--webhook-secret" -> secret = nativeSecret(value);
                        case "--local-json" -> localJson = Path.of(value);
                        case "--wait" -> wait = seconds(value);
                        default -> phone = Optional.of(value);
                    }
                }
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (localJson != null) {
            if (apiUrl != null) throw new UsageException("--local and --api-url exclude each other");
            JsonNode local = readLocalJson(localJson);
            apiUrl = local.path("apiUrl").asText(null);
            apiKey = local.path("tenants").path(0).path("apiKey").asText(null);
            secret = local.path("webhookSecrets").path("native").asText(null);
            if (apiUrl == null || apiKey == null || secret == null) {
                throw new UsageException(localJson + " lacks apiUrl, tenants[0].apiKey or webhookSecrets.native");
            }
        }
        if (apiUrl == null) throw new UsageException("--api-url (or --local) is required");
        // A deployed stack sends real SMS (sandbox, spend limit): only to a number the operator names.
        if (phone == null) phone = localJson != null ? Optional.of(fictionalPhone()) : Optional.empty();
        if (apiKey == null || apiKey.isBlank()) throw new UsageException("--api-key (or " + API_KEY_ENV + ") is required");
        if (secret == null || secret.isBlank()) {
            throw new UsageException("--webhook-secret native=SECRET (or " + WEBHOOK_SECRET_ENV + ") is required");
        }
        return new SmokeOptions(url(apiUrl), apiKey, secret, wait, phone);
    }

    /** {@code native=<secret>}; the secret may itself contain {@code =} (base64 padding). */
    private static String nativeSecret(String value) {
        int equals = value.indexOf('=');
        String source = equals < 0 ? "" : value.substring(0, equals);
        if (!source.equals("native")) {
            // Never echo the value: it may be a secret given without its source.
            throw new UsageException("--webhook-secret takes native=SECRET (the smoke posts native webhooks only)");
        }
        return value.substring(equals + 1);
    }

    private static JsonNode readLocalJson(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UsageException(file + " does not exist: start the local cloud first (`make run`)");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static URI url(String text) {
        String trimmed = text.strip().replaceAll("/+$", "");
        try {
            URI uri = URI.create(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--api-url must be an http(s) URL, got " + text);
        }
    }

    private static Duration seconds(String text) {
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds < 1 || seconds > 3600) throw new NumberFormatException();
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException("--wait takes whole seconds from 1 to 3600, got " + text);
        }
    }

    /** +1 202 555 0100 to 0198: a range reserved for fiction (never 99 at the end, which moto treats as opted out). */
    static String fictionalPhone() {
        return "+12025550" + String.format("%03d", 100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(99));
    }
}
