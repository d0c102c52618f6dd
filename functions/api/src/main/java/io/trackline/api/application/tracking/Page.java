package io.trackline.api.application.tracking;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One page of a list; {@code next} is the store's position after it (the HTTP layer signs it into a cursor). */
public record Page<T>(List<T> items, Optional<Map<String, String>> next) {
    public Page {
        items = List.copyOf(items);
    }
}
