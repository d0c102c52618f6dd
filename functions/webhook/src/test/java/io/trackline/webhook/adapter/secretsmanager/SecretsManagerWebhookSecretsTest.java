package io.trackline.webhook.adapter.secretsmanager;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsManagerWebhookSecretsTest {
    @Test
    void shouldReadListsAndPlainStrings_whenTheSecretMixesBoth() {
        Map<String, List<String>> secrets = SecretsManagerWebhookSecrets.parse(
                "{\"native\":[\"new\",\"old\",\"\"],\"easypost\":\"only\",\"shippo\":[]}");

        assertThat(secrets).containsEntry("native", List.of("new", "old")).containsEntry("easypost", List.of("only"))
                .containsEntry("shippo", List.of()).doesNotContainKey("aftership");
    }

    @Test
    void shouldRefuseTheValue_whenItIsNotAJsonObject() {
        assertThatThrownBy(() -> SecretsManagerWebhookSecrets.parse("just-a-string")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretsManagerWebhookSecrets.parse("[\"a\"]")).isInstanceOf(IllegalArgumentException.class);
    }
}
