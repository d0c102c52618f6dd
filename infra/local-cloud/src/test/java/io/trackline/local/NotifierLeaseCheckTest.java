package io.trackline.local;

import io.trackline.testkit.template.SamTransform;
import io.trackline.testkit.template.Template;
import io.trackline.testkit.template.TemplateException;
import io.trackline.local.testing.TestTemplates;
import io.trackline.notifier.MessageLifetime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 16, finding 5: a notification message must outlive its own claim lease, in AWS and in the local cloud. */
class NotifierLeaseCheckTest {
    private static final Path REPOSITORY = LocalCloudOptions.repositoryRoot(Path.of("").toAbsolutePath());
    private static final Template TEMPLATE = SamTransform.run(TestTemplates.repository(), REPOSITORY);

    @TempDir
    Path work;

    @Test
    void shouldOutliveTheLeaseByVisibilityAlone_whenTheTemplatesAwsValuesApply() {
        // when
        var lifetimes = NotifierLeaseCheck.lifetimes(TEMPLATE, Optional.empty());

        // then NotificationQueue: 180 s × (5 − 1) = 720 s from first to last receive > 60 s lease + 30 s timeout
        assertThat(lifetimes).singleElement().satisfies(lifetime -> {
            assertThat(lifetime).isEqualTo(new MessageLifetime(Duration.ofSeconds(180), 5, Duration.ofSeconds(60), Duration.ofSeconds(30)));
            assertThat(lifetime.firstToLastReceive()).isGreaterThan(lifetime.lease().plus(lifetime.functionTimeout()));
            assertThat(lifetime.holdsWithoutDeferral()).isTrue();
        });
        NotifierLeaseCheck.check(TEMPLATE, Optional.empty());
    }

    @Test
    void shouldOutliveTheLeaseOnlyByDeferral_whenTheLocalCloudsTwoSecondVisibilityApplies() {
        // when
        var lifetimes = NotifierLeaseCheck.lifetimes(TEMPLATE, LocalCloudOptions.fromCommandLine(new String[0], java.util.Map.of()).visibilityTimeout());

        // then 2 s × 4 = 8 s is far short of 90 s: only deferring a message that finds a live claim keeps it (3 ≤ 5 receives)
        assertThat(lifetimes).singleElement().satisfies(lifetime -> {
            assertThat(lifetime.visibilityTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(lifetime.holdsWithoutDeferral()).isFalse();
            assertThat(lifetime.holds()).isTrue();
        });
        NotifierLeaseCheck.check(TEMPLATE, Optional.of(Duration.ofSeconds(2)));
    }

    @Test
    void shouldFailTheStartWithOneLine_whenAQueueWouldDeadLetterBeforeTheLeaseEnds() throws IOException {
        // given NotificationQueue with maxReceiveCount 2: claim, then one retry that finds the claim live, then the DLQ
        String text = Files.readString(TestTemplates.repository());
        int queue = text.indexOf("  NotificationQueue:\n");
        int count = text.indexOf("maxReceiveCount: 5", queue);
        Path copy = Files.writeString(work.resolve("template.yaml"),
                text.substring(0, count) + "maxReceiveCount: 2" + text.substring(count + "maxReceiveCount: 5".length()));
        Template fragile = SamTransform.run(copy, REPOSITORY);

        // when / then
        assertThatThrownBy(() -> NotifierLeaseCheck.check(fragile, Optional.of(Duration.ofSeconds(2))))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("local cloud (every queue's visibility 2 s)")
                .hasMessageContaining("would reach its DLQ before its claim lease ends")
                .hasMessageContaining("maxReceiveCount 2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
