package io.tlsdoctor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fix.RestartScheduler;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** When shutdown.exe cannot be started, the wizard says so and what to do by hand, not Java's "Cannot run program". */
@DisabledOnOs(OS.WINDOWS) // here shutdown.exe surely cannot be started
class RestartCannotStartTest {

    @Test
    void scheduleAndCancelSayShutdownExeCouldNotBeStartedAndTheWayOut() {
        PlatformRestartScheduler scheduler = new PlatformRestartScheduler();
        for (RestartScheduler.Result result :
                new RestartScheduler.Result[] {scheduler.restartIn(5, "test"), scheduler.cancel()}) {
            assertThat(result.succeeded()).isFalse();
            assertThat(result.explanationKey()).isEqualTo("restart.shutdown.cannotStart");
            assertThat(Messages.forLocale(Languages.ENGLISH).get(result.explanationKey()))
                    .contains("could not start shutdown.exe")
                    .contains("shutdown /r")
                    .doesNotContain("Exception");
            assertThat(Messages.forLocale(Languages.SWEDISH).get(result.explanationKey()))
                    .contains("kunde inte starta shutdown.exe")
                    .contains("shutdown /r");
        }
    }
}
