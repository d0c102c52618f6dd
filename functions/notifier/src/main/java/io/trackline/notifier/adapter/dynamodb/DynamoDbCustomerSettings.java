package io.trackline.notifier.adapter.dynamodb;

import io.trackline.domain.Language;
import io.trackline.engine.dynamodb.PreferencesItem;
import io.trackline.engine.dynamodb.TrackingTable;
import io.trackline.domain.alerts.Channel;
import io.trackline.domain.alerts.PhoneNumber;
import io.trackline.domain.alerts.Preferences;
import io.trackline.domain.alerts.QuietHours;
import io.trackline.domain.alerts.Trigger;
import io.trackline.notifier.application.CustomerSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;


/**
 * Preferences ({@code CUSTOMER#<id>}/{@code PREFERENCES}) and recorded STOPs ({@code OPTOUT#<e164>}/{@code OPTOUT}) of
 * a whole batch in one {@code BatchGetItem} (100 keys a call; unprocessed keys are asked for again).
 */
public final class DynamoDbCustomerSettings implements CustomerSettings {
    private static final int MAX_KEYS = 100;
    private static final int MAX_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbCustomerSettings(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Loaded load(Set<String> customerIds, Set<PhoneNumber> phones) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        customerIds.forEach(id -> keys.add(TrackingTable.preferencesKey(id)));
        phones.forEach(phone -> keys.add(DynamoDbStopList.key(phone)));
        Map<String, Preferences> preferences = new HashMap<>();
        Set<PhoneNumber> stopped = new HashSet<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            for (Map<String, AttributeValue> item : fetch(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)))) {
                String pk = item.get(TrackingTable.PK).s();
                if (TrackingTable.isCustomerPk(pk)) preferences.put(TrackingTable.customerIdOf(pk), preferences(item));
                else stopped.add(new PhoneNumber(TrackingTable.phoneOfOptOut(pk)));
            }
        }
        return new Loaded(preferences, stopped);
    }

    private List<Map<String, AttributeValue>> fetch(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) return items;
            request = response.unprocessedKeys();
            backOff(round);
        }
        throw new IllegalStateException("DynamoDB kept keys unprocessed (throttled); the batch is retried");
    }

    /** Unprocessed keys mean throttling: ask again after a short, growing pause. */
    private static void backOff(int round) {
        try {
            Thread.sleep(25L << round);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading preferences", e);
        }
    }

    /**
     * Stored values that do not parse fall back to the defaults one by one, so one bad field never mutes a customer
     * (a language we do not speak reads as none: English).
     */
    static Preferences preferences(Map<String, AttributeValue> item) {
        Preferences defaults = Preferences.defaults();
        PreferencesItem.Values stored = PreferencesItem.view(item);
        Set<Channel> channels = names(stored.channels(), Channel::valueOf, Channel.class).orElse(defaults.channels());
        Set<Trigger> alerts = names(stored.alerts(), Trigger::valueOf, Trigger.class).orElse(defaults.alerts());
        var quiet = stored.quietHours();
        Optional<QuietHours> quietHours = quiet == null || quiet.start() == null || quiet.end() == null ? Optional.empty()
                : parse(() -> QuietHours.parse(quiet.start(), quiet.end()));
        ZoneId zone = Optional.ofNullable(stored.timeZone()).flatMap(id -> parse(() -> ZoneId.of(id))).orElse(ZoneOffset.UTC);
        return new Preferences(channels, alerts, quietHours, zone, Language.ofTag(stored.language()));
    }

    private static <E extends Enum<E>> Optional<Set<E>> names(List<String> raw, Function<String, E> parser, Class<E> type) {
        if (raw == null) return Optional.empty();
        Set<E> parsed = EnumSet.noneOf(type);
        raw.forEach(name -> parse(() -> parser.apply(name)).ifPresent(parsed::add));
        return Optional.of(parsed);
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> parser) {
        try {
            return Optional.of(parser.get());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
