package io.trackline.notifier;

import io.trackline.aws.log.Log;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoContactDataInLogsTest {

    @Test
    void shouldSeeLogLines_whenProductionCodeLogs() {
        // given a logger created after the capture was installed, as production classes are
        Log log = Log.of(NoContactDataInLogsTest.class);

        // when
        log.info("sms sent", "to", "+14155550123", "email", "jane.doe@example.com");

        // then the capture saw the line, and the Log masked both values
        assertThat(NoContactDataInLogs.captured()).contains("sms sent").contains("j***@example.com");
        assertThat(NoContactDataInLogs.leaks(NoContactDataInLogs.captured())).isEmpty();
    }

    @Test
    void shouldFlagRawContactData_whenALineCarriesIt() {
        assertThat(NoContactDataInLogs.leaks("{\"to\":\"+14155550123\"}")).hasSize(1);
        assertThat(NoContactDataInLogs.leaks("{\"to\":\"jane.doe@example.com\"}")).hasSize(1);
        assertThat(NoContactDataInLogs.leaks("{\"to\":\"+1********23\",\"email\":\"j***@example.com\"}")).isEmpty();
    }
}
