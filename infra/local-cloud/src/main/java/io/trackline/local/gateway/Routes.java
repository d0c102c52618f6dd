package io.trackline.local.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API's routes, matched as API Gateway does: {@code {name}} takes one path segment, {@code {name+}} the rest,
 * the most specific route wins (literal segments before parameters before greedy ones, a method before {@code ANY}),
 * and {@code $default} catches what nothing else matches.
 *
 * @param <T> what a route leads to (a function, or a test's marker)
 */
public final class Routes<T> {
    public record Route<T>(String method, String path, T target, Optional<String> authorizer, List<String> scopes) {
        public String routeKey() {
            return path.equals("$default") ? "$default" : method + " " + path;
        }

        List<String> segments() {
            return split(path);
        }
    }

    public record Match<T>(Route<T> route, Map<String, String> pathParameters) {
    }

    private final List<Route<T>> routes;

    public Routes(List<Route<T>> routes) {
        this.routes = List.copyOf(routes);
    }

    public List<Route<T>> all() {
        return routes;
    }

    /** @param rawPath the request path as sent, percent-encoded */
    public Optional<Match<T>> match(String method, String rawPath) {
        List<String> request = split(rawPath);
        return routes.stream()
                .filter(r -> r.method().equals("ANY") || r.method().equals(method))
                .filter(r -> !r.path().equals("$default"))
                .flatMap(r -> bind(r, request).map(params -> new Match<>(r, params)).stream())
                .min(Comparator.comparing((Match<T> m) -> rank(m.route())).thenComparing(m -> m.route().method().equals("ANY")))
                .or(() -> routes.stream().filter(r -> r.path().equals("$default")).findFirst()
                        .map(r -> new Match<>(r, Map.of())));
    }

    private static Optional<Map<String, String>> bind(Route<?> route, List<String> request) {
        List<String> template = route.segments();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String segment = template.get(i);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                if (i >= request.size()) return Optional.empty();
                params.put(segment.substring(1, segment.length() - 2),
                        String.join("/", request.subList(i, request.size()).stream().map(Routes::decode).toList()));
                return Optional.of(params);
            }
            if (i >= request.size()) return Optional.empty();
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (request.get(i).isEmpty()) return Optional.empty();
                params.put(segment.substring(1, segment.length() - 1), decode(request.get(i)));
            } else if (!segment.equals(request.get(i))) {
                return Optional.empty();
            }
        }
        return template.size() == request.size() ? Optional.of(params) : Optional.empty();
    }

    /** Per segment 0 literal, 1 parameter, 2 greedy; compared left to right, lower is more specific. */
    private static String rank(Route<?> route) {
        StringBuilder rank = new StringBuilder();
        for (String segment : route.segments()) {
            rank.append(segment.endsWith("+}") ? '2' : segment.startsWith("{") ? '1' : '0');
        }
        return rank.toString();
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) return List.of();
        return new ArrayList<>(Arrays.asList(trimmed.split("/", -1)));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
