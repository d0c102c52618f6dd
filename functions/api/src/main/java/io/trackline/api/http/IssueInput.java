package io.trackline.api.http;

import io.trackline.api.application.issues.IssueType;
import io.trackline.domain.Text;

/** The body of {@code POST /v1/me/shipments/{id}/issues}. */
public record IssueInput(String type, String description) {
    public IssueType validatedType() {
        return Fields.oneOf(IssueType.class, type, "type");
    }

    public String validatedDescription() {
        return Text.optional(description, "description", 2000);
    }
}
