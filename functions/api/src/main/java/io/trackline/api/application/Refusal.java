package io.trackline.api.application;

/**
 * A use case's refusal, in the application's words. The HTTP adapter answers each reason with its problem+json, in one
 * place ({@code ApiProblem.of}). Carries no stack trace: a refusal is an expected answer, not a failure.
 */
public final class Refusal extends RuntimeException {
    public enum Reason {
        /** Not there, or not the caller's: the same answer, naming nothing. */
        NOT_FOUND,
        INVALID_FIELD,
        ADDRESS_CHANGE_CLOSED,
        /** The shipment changed while it was written; nothing was changed. */
        CONCURRENT_CHANGE,
        ISSUE_NOT_ALLOWED,
        CASE_ALREADY_OPEN,
        ORDER_OF_ANOTHER_CUSTOMER,
        ORDER_FULL,
        DAILY_LIMIT_REACHED,
        /** The tenant has as many webhook endpoints as it may ({@link #limit()}). */
        ENDPOINT_LIMIT_REACHED
    }

    private final Reason reason;
    private final String field;
    private final String caseId;
    private final int retryAfterSeconds;
    private final int limit;

    private Refusal(Reason reason, String detail, String field, String caseId, int retryAfterSeconds) {
        this(reason, detail, field, caseId, retryAfterSeconds, 0);
    }

    private Refusal(Reason reason, String detail, String field, String caseId, int retryAfterSeconds, int limit) {
        super(detail, null, false, false);
        this.reason = reason;
        this.field = field;
        this.caseId = caseId;
        this.retryAfterSeconds = retryAfterSeconds;
        this.limit = limit;
    }

    private static Refusal of(Reason reason, String detail) {
        return new Refusal(reason, detail, null, null, 0);
    }

    public static Refusal notFound() {
        return of(Reason.NOT_FOUND, "not found");
    }

    public static Refusal invalid(String field, String detail) {
        return new Refusal(Reason.INVALID_FIELD, detail, field, null, 0);
    }

    public static Refusal addressChangeClosed() {
        return of(Reason.ADDRESS_CHANGE_CLOSED, "the carrier already has the package");
    }

    public static Refusal concurrentChange() {
        return concurrentChange("the shipment changed while it was written");
    }

    /** @param detail what changed meanwhile */
    public static Refusal concurrentChange(String detail) {
        return of(Reason.CONCURRENT_CHANGE, detail);
    }

    public static Refusal issueNotAllowed(String detail) {
        return of(Reason.ISSUE_NOT_ALLOWED, detail);
    }

    public static Refusal caseAlreadyOpen(String caseId) {
        return new Refusal(Reason.CASE_ALREADY_OPEN, "an open case of this type exists", null, caseId, 0);
    }

    public static Refusal orderOfAnotherCustomer() {
        return of(Reason.ORDER_OF_ANOTHER_CUSTOMER, "the order belongs to another customer");
    }

    public static Refusal orderFull() {
        return of(Reason.ORDER_FULL, "the order is full");
    }

    /** A per-customer daily limit is used up; it resets in {@code retryAfterSeconds}. */
    public static Refusal dailyLimitReached(String detail, int retryAfterSeconds) {
        return new Refusal(Reason.DAILY_LIMIT_REACHED, detail, null, null, retryAfterSeconds);
    }

    public static Refusal endpointLimitReached(int limit) {
        return new Refusal(Reason.ENDPOINT_LIMIT_REACHED, "too many webhook endpoints", null, null, 0, limit);
    }

    public Reason reason() {
        return reason;
    }

    /** The field to blame ({@link Reason#INVALID_FIELD}), else null. */
    public String field() {
        return field;
    }

    /** The open case ({@link Reason#CASE_ALREADY_OPEN}), else null. */
    public String caseId() {
        return caseId;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The limit reached ({@link Reason#ENDPOINT_LIMIT_REACHED}), else 0. */
    public int limit() {
        return limit;
    }
}
