package io.trackline.page;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.aws.lambda.JsonEventHandler;
import io.trackline.aws.log.Log;
import io.trackline.page.application.TrackedPackage;
import io.trackline.domain.Language;
import io.trackline.page.http.LanguageChoice;
import io.trackline.page.http.TrackingPageHtml;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /t/{shipmentId}}: the tracking page every SMS and email links to (README "Tracking page"). HTML in the
 * language the link or the browser asks for; a friendly 404 page for an id that names no shipment; 503 with a page
 * when the table does not answer. Every answer carries the page's security headers.
 */
public final class TrackingPageHandler extends JsonEventHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final Log LOG = Log.of(TrackingPageHandler.class);

    private final PageWiring wiring;

    public TrackingPageHandler() {
        this(PageWiring.fromEnvironment());
    }

    public TrackingPageHandler(PageWiring wiring) {
        super(APIGatewayV2HTTPEvent.class);
        this.wiring = wiring;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        Language language = LanguageChoice.choose(query.get("lang"), headers.get("accept-language"));
        String shipmentId = event.getPathParameters() == null ? null : event.getPathParameters().get("shipmentId");
        TrackingPageHtml html = wiring.html();
        try {
            Optional<TrackedPackage> shipment = wiring.showTrackingPage().show(shipmentId);
            return shipment.map(p -> response(200, html.page(p, language), language, "private, max-age=60"))
                    .orElseGet(() -> response(404, html.notFound(language), language, "no-store"));
        } catch (SdkException e) {
            LOG.error("tracking page unavailable", "error", e.getClass().getSimpleName(), "detail", e.getMessage());
            return response(503, html.unavailable(language), language, "no-store");
        }
    }

    private static APIGatewayV2HTTPResponse response(int status, String body, Language language, String caching) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of(
                        "content-type", "text/html; charset=utf-8",
                        "content-language", language.tag(),
                        "content-security-policy", TrackingPageHtml.CONTENT_SECURITY_POLICY,
                        "referrer-policy", "no-referrer",
                        "x-robots-tag", "noindex",
                        "x-content-type-options", "nosniff",
                        "cache-control", caching,
                        "vary", "accept-language"))
                .withBody(body)
                .build();
    }
}
