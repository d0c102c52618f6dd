package io.trackline.api.application.issues;

import java.util.Optional;

/** Where cases are kept: at most one open case per type per shipment. */
public interface Cases {
    /** @return the id of the already open case of this type, or empty when {@code problemCase} was stored */
    Optional<String> open(ProblemCase problemCase);

    /** Takes back a case that support could not be told about, so the customer can report it again. */
    void withdraw(ProblemCase problemCase);
}
