package io.trackline.webhook.application;

import java.util.List;

/** The signing secrets a source may use now, newest first; two while a secret rotates. */
public interface WebhookSecrets {
    /**
     * @return the source's active secrets, empty when none is configured
     * @throws DependencyUnavailable when the secret store cannot be read and nothing is cached
     */
    List<String> activeSecrets(String source);
}
