package io.trackline.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.trackline.api.application.Refusal;
import io.trackline.aws.http.Problem;

import java.util.HashMap;
import java.util.Map;

/** Thrown anywhere below the router to answer with a problem+json; carries no stack trace, it is not a failure. */
public final class ApiProblem extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ApiProblem(Problem problem) {
        this(problem, Map.of());
    }

    /** @param headers answered with the problem, e.g. {@code retry-after} */
    public ApiProblem(Problem problem, Map<String, String> headers) {
        super(problem.type() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** The one place a use case's refusal becomes its problem. */
    public static ApiProblem of(Refusal refusal) {
        return switch (refusal.reason()) {
            case NOT_FOUND -> Problems.notFound();
            case INVALID_FIELD -> Problems.invalid(refusal.field(), refusal.getMessage());
            case ADDRESS_CHANGE_CLOSED -> Problems.addressChangeClosed();
            case CONCURRENT_CHANGE -> Problems.busy(refusal.getMessage());
            case ISSUE_NOT_ALLOWED -> Problems.issueNotAllowed(refusal.getMessage());
            case CASE_ALREADY_OPEN -> Problems.caseAlreadyOpen(refusal.caseId());
            case ORDER_OF_ANOTHER_CUSTOMER -> Problems.orderOfAnotherCustomer();
            case ORDER_FULL -> Problems.orderFull();
            case DAILY_LIMIT_REACHED -> Problems.tooManyRequests(refusal.getMessage(), refusal.retryAfterSeconds());
            case ENDPOINT_LIMIT_REACHED -> Problems.endpointLimitReached(refusal.limit());
        };
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The problem+json response with this problem's headers. */
    public APIGatewayV2HTTPResponse toResponse() {
        APIGatewayV2HTTPResponse response = problem.toResponse();
        if (headers.isEmpty()) return response;
        Map<String, String> all = new HashMap<>(response.getHeaders());
        all.putAll(headers);
        response.setHeaders(all);
        return response;
    }
}
