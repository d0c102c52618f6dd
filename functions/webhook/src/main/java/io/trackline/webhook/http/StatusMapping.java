package io.trackline.webhook.http;

import io.trackline.domain.tracking.ExceptionReason;
import io.trackline.domain.tracking.Status;

/**
 * One row of a source's status table: the canonical status (or {@code null}: "as the parent status says"), the
 * exception reason, whether the recipient must act, and whether the carrier itself says the package is late.
 */
public record StatusMapping(Status status, ExceptionReason reason, boolean actionRequired, boolean delayed) {
    public static StatusMapping of(Status status) {
        return new StatusMapping(status, null, false, false);
    }

    public static StatusMapping of(Status status, ExceptionReason reason) {
        return new StatusMapping(status, reason, false, false);
    }

    public static StatusMapping actionRequired(Status status, ExceptionReason reason) {
        return new StatusMapping(status, reason, true, false);
    }

    public static StatusMapping delayed(Status status, ExceptionReason reason) {
        return new StatusMapping(status, reason, false, true);
    }

    /**
     * A sub-status row that names a status replaces its status row; one that does not ({@code null} status) refines it:
     * its reason wins if it has one, and its flags add to the status row's.
     */
    public StatusMapping refinedBy(StatusMapping sub) {
        if (sub == null) return this;
        if (sub.status != null) return sub;
        return new StatusMapping(status, sub.reason != null ? sub.reason : reason,
                actionRequired || sub.actionRequired, delayed || sub.delayed);
    }
}
