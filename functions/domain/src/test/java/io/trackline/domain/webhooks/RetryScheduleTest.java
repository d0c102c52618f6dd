package io.trackline.domain.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {
    private static final Instant QUEUED = Instant.parse("2026-03-01T00:00:00Z");

    /** Jitter at its smallest (every delay half its nominal) or at its largest. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void shouldRetryWithinAMinuteFirst_whenTheFirstAttemptsFail() {
        RetrySchedule schedule = new RetrySchedule(1, fixed(0.999));

        Duration first = Duration.between(QUEUED, schedule.nextAttempt(1, QUEUED, QUEUED).orElseThrow());
        Duration second = Duration.between(QUEUED, schedule.nextAttempt(2, QUEUED, QUEUED).orElseThrow());
        Duration third = Duration.between(QUEUED, schedule.nextAttempt(3, QUEUED, QUEUED).orElseThrow());

        assertThat(first).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(second).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30)).isGreaterThan(first);
        assertThat(first.plus(second)).isLessThan(Duration.ofMinutes(1));
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void shouldNeverWaitMoreThanTwelveHours_whenAttemptsGoOn() {
        RetrySchedule schedule = new RetrySchedule(1, fixed(0.999999));

        for (int attempt = 1; attempt < 40; attempt++) {
            assertThat(Duration.between(QUEUED, schedule.nextAttempt(attempt, QUEUED, QUEUED).orElseThrow()))
                    .isLessThanOrEqualTo(Duration.ofHours(12));
        }
    }

    @Test
    void shouldRetryForSeventyTwoHoursThenGiveUp_whenEveryAttemptFails() {
        for (double jitter : new double[]{0.0, 0.5, 0.999999}) {
            RetrySchedule schedule = new RetrySchedule(1, fixed(jitter));
            Instant now = QUEUED;
            int attempts = 1;
            Optional<Instant> next;
            while ((next = schedule.nextAttempt(attempts, QUEUED, now)).isPresent()) {
                now = next.get();
                attempts++;
            }

            assertThat(Duration.between(QUEUED, now)).as("jitter %s", jitter).isGreaterThanOrEqualTo(Duration.ofHours(72));
            assertThat(attempts).as("the queue's maxReceiveCount must stay above this").isLessThanOrEqualTo(RetrySchedule.MOST_ATTEMPTS);
        }
    }

    @Test
    void shouldShrinkEveryDuration_whenScaledForATest() {
        RetrySchedule schedule = new RetrySchedule(0.001, fixed(0.999));

        assertThat(schedule.giveUpAfter()).isEqualTo(Duration.ofSeconds(259, 200_000_000));
        assertThat(schedule.nextAttempt(1, QUEUED, QUEUED.plus(Duration.ofSeconds(260)))).isEmpty();
        assertThat(Duration.between(QUEUED, schedule.nextAttempt(1, QUEUED, QUEUED).orElseThrow())).isLessThan(Duration.ofMillis(11));
    }
}
