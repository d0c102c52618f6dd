package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.api.application.Refusal;
import io.trackline.aws.log.Log;
import io.trackline.domain.InvalidValueException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dispatches on API Gateway's route key ("GET /v1/shipments/{id}") to one route; when an event carries no route key
 * (a {@code $default} route or a hand-made event) it matches the method and path against the same templates.
 */
public final class Router {
    private static final Log LOG = Log.of(Router.class);
    private final Map<String, Route> routes;

    public Router(Map<String, Route> routes) {
        this.routes = new LinkedHashMap<>(routes);
    }

    public Set<String> routeKeys() {
        return routes.keySet();
    }

    public APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event) {
        try {
            Match match = match(event).orElseThrow(Problems::routeNotFound);
            return routes.get(match.routeKey()).handle(ApiRequest.of(event, match.path()));
        } catch (ApiProblem p) {
            return p.toResponse();
        } catch (Refusal r) {
            return ApiProblem.of(r).toResponse();
        } catch (InvalidValueException e) {
            // The one place a domain refusal becomes an answer: 400 invalid-field naming the field the domain names.
            return Problems.invalid(e.field(), e.getMessage() + ".").problem().toResponse();
        } catch (SdkException e) {
            LOG.error("AWS call failed", "route", event.getRouteKey(), "error", e.getClass().getSimpleName(), "detail", e.getMessage());
            return Problems.unavailable().problem().toResponse();
        } catch (RuntimeException e) {
            LOG.error("route failed", "route", event.getRouteKey(), "error", e.getClass().getName(), "detail", e.getMessage());
            return Problems.internal().toResponse();
        }
    }

    private Optional<Match> match(APIGatewayV2HTTPEvent event) {
        String key = event.getRouteKey();
        if (key != null && routes.containsKey(key)) {
            Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
            return Optional.of(new Match(key, path));
        }
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        if (http == null || event.getRawPath() == null) return Optional.empty();
        String path = event.getRawPath();
        int api = path.indexOf("/v1/");
        if (api < 0) return Optional.empty();
        String[] actual = path.substring(api + 1).split("/", -1);
        for (String routeKey : routes.keySet()) {
            String[] methodAndPath = routeKey.split(" ", 2);
            if (!methodAndPath[0].equalsIgnoreCase(http.getMethod())) continue;
            String[] template = methodAndPath[1].substring(1).split("/", -1);
            if (template.length != actual.length) continue;
            var parameters = new HashMap<String, String>();
            boolean same = true;
            for (int i = 0; i < template.length && same; i++) {
                if (template[i].startsWith("{")) {
                    parameters.put(template[i].substring(1, template[i].length() - 1),
                            java.net.URLDecoder.decode(actual[i], java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    same = template[i].equals(actual[i]);
                }
            }
            if (same) return Optional.of(new Match(routeKey, parameters));
        }
        return Optional.empty();
    }

    /** One route: parse the request, call its use case, map the result. */
    @FunctionalInterface
    public interface Route {
        APIGatewayV2HTTPResponse handle(ApiRequest request);
    }

    private record Match(String routeKey, Map<String, String> path) {
    }
}
