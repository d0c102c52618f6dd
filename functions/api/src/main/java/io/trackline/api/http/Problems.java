package io.trackline.api.http;

import io.trackline.aws.http.Problem;
import io.trackline.domain.shipment.Registration;

/**
 * Every error the API answers with, one stable {@code type} each (documented in the OpenAPI document). A "not yours"
 * and a "does not exist" are the same {@link #notFound()}, with a body that names nothing.
 */
public final class Problems {
    public static final String SUPPORT_ROUTE = "POST /v1/me/shipments/{id}/issues";

    private Problems() {
    }

    public static ApiProblem notFound() {
        return new ApiProblem(Problem.of(404, "not-found", "Not found", "There is nothing here."));
    }

    public static ApiProblem routeNotFound() {
        return new ApiProblem(Problem.of(404, "route-not-found", "No such route", "This method and path are not part of the API."));
    }

    public static ApiProblem missingApiKey() {
        return new ApiProblem(Problem.of(401, "api-key-required", "API key required", "Send your API key in the x-api-key header."));
    }

    public static ApiProblem invalidApiKey() {
        return new ApiProblem(Problem.of(401, "api-key-invalid", "API key invalid", "The API key is unknown or revoked."));
    }

    public static ApiProblem missingIdentity() {
        return new ApiProblem(Problem.of(401, "identity-required", "Sign-in required", "This route needs a customer token."));
    }

    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(Problem.of(400, "invalid-field", "Invalid field", detail).with("field", field));
    }

    public static ApiProblem unknownField(String field) {
        return new ApiProblem(Problem.of(400, "unknown-field", "Unknown field",
                "The field '" + field + "' is not accepted here.").with("field", field));
    }

    public static ApiProblem malformedBody(String detail) {
        return new ApiProblem(Problem.of(400, "malformed-body", "Malformed body", detail));
    }

    public static ApiProblem bodyTooLarge(int limit) {
        return new ApiProblem(Problem.of(413, "body-too-large", "Body too large", "Bodies are limited to " + limit + " bytes."));
    }

    public static ApiProblem notJson() {
        return new ApiProblem(Problem.of(415, "unsupported-media-type", "Unsupported media type", "Send application/json."));
    }

    public static ApiProblem invalidCursor() {
        return new ApiProblem(Problem.of(400, "invalid-cursor", "Invalid cursor", "Use the cursor of a previous page unchanged."));
    }

    public static ApiProblem addressChangeClosed() {
        return new ApiProblem(Problem.of(409, "address-change-closed", "Address can no longer be changed",
                "The carrier already has the package. Report a WRONG_ADDRESS issue and support will help.")
                .with("support", SUPPORT_ROUTE));
    }

    public static ApiProblem issueNotAllowed(String detail) {
        return new ApiProblem(Problem.of(422, "issue-not-allowed", "Issue not allowed now", detail));
    }

    public static ApiProblem caseAlreadyOpen(String caseId) {
        return new ApiProblem(Problem.of(409, "case-already-open", "Case already open",
                "An open case of this type exists for this shipment.").with("caseId", caseId));
    }

    public static ApiProblem orderOfAnotherCustomer() {
        return new ApiProblem(Problem.of(409, "order-customer-mismatch", "Order belongs to another customer",
                "An order has one customer; register this shipment under a new orderId."));
    }

    public static ApiProblem orderFull() {
        return new ApiProblem(Problem.of(409, "order-full", "Order is full",
                "An order holds at most " + Registration.MAX_SHIPMENTS_PER_ORDER + " shipments; register this shipment under a new orderId."));
    }

    /** 429 with {@code Retry-After}: a per-customer daily limit is used up. */
    public static ApiProblem tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiProblem(Problem.of(429, "too-many-requests", "Too many requests", detail),
                java.util.Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    /** @param detail what changed meanwhile, e.g. "the shipment changed while it was written" */
    public static ApiProblem busy(String detail) {
        return new ApiProblem(Problem.of(503, "try-again", "Try again",
                capitalized(detail) + "; nothing was changed. Retry the request."));
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public static ApiProblem endpointLimitReached(int limit) {
        return new ApiProblem(Problem.of(409, "endpoint-limit-reached", "Too many webhook endpoints",
                "A tenant may register at most " + limit + " webhook endpoints; delete one first."));
    }


    /**
     * A backing service failed or did not answer in time. A write may have landed before the answer was lost (the
     * bench-lambda cost run saw a registration answered 503 that its retry found registered), so this says so rather
     * than "nothing was changed".
     */
    public static ApiProblem unavailable() {
        return new ApiProblem(Problem.of(503, "temporarily-unavailable", "Temporarily unavailable",
                "A backing service did not answer in time; the request may have taken effect. Retry it, or read the resource first."));
    }

    public static Problem internal() {
        return Problem.of(500, "internal", "Internal error", "Something failed on our side; it has been logged.");
    }
}
