package io.trackline.api.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorsTest {
    private final Cursors cursors = new Cursors(() -> "a-key-of-thirty-two-bytes-or-more!!".getBytes(StandardCharsets.UTF_8));
    private final Map<String, String> position = Map.of("PK", "ORDER#t#1", "SK", "ORDER", "GSI2PK", "CUSTOMER#alice");

    @Test
    void shouldGiveBackThePosition_whenTheCursorIsReturnedUnchanged() {
        String cursor = cursors.sign("orders", "alice", position);

        assertThat(cursors.verify("orders", "alice", Optional.of(cursor))).contains(position);
        assertThat(cursors.verify("orders", "alice", Optional.empty())).isEmpty();
    }

    @Test
    void shouldReject_whenTheCursorIsEditedForgedOrUsedElsewhere() {
        String cursor = cursors.sign("orders", "alice", position);
        String forged = new Cursors(() -> "another-key-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8))
                .sign("orders", "alice", Map.of("PK", "ORDER#other#1"));
        int dot = cursor.indexOf('.');
        String editedPayload = cursor.substring(0, dot - 2) + "xx" + cursor.substring(dot);

        for (String bad : new String[]{editedPayload, forged, cursor + "A", "no-dot", "." + cursor, "x".repeat(3000)}) {
            assertThatThrownBy(() -> cursors.verify("orders", "alice", Optional.of(bad)))
                    .as(bad).isInstanceOf(ApiProblem.class).hasMessageContaining("invalid-cursor");
        }
        assertThatThrownBy(() -> cursors.verify("orders", "bob", Optional.of(cursor))).hasMessageContaining("invalid-cursor");
        assertThatThrownBy(() -> cursors.verify("notifications:shp_1", "alice", Optional.of(cursor))).hasMessageContaining("invalid-cursor");
    }

    @Test
    void shouldRefuseToSign_whenTheKeyIsTooShort() {
        var weak = new Cursors(() -> "short".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> weak.sign("orders", "alice", position)).isInstanceOf(IllegalStateException.class);
    }
}
