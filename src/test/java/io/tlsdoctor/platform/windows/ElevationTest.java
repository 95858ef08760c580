package io.tlsdoctor.platform.windows;

import io.tlsdoctor.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Arguments for the elevated helper survive Windows' command-line splitting (CommandLineToArgvW) unchanged. */
class ElevationTest {

    @Test
    void quotesTheWayWindowsSplits() {
        assertThat(Elevation.quote("fix")).isEqualTo("fix");
        assertThat(Elevation.quote("C:\\ProgramData\\TLS Doctor\\runs\\plan.json"))
                .isEqualTo("\"C:\\ProgramData\\TLS Doctor\\runs\\plan.json\"");
        assertThat(Elevation.quote("C:\\My Dir\\")).isEqualTo("\"C:\\My Dir\\\\\"");
        assertThat(Elevation.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(Elevation.quote("a\\\"b")).isEqualTo("\"a\\\\\\\"b\"");
        assertThat(Elevation.quote("")).isEqualTo("\"\"");
        assertThat(Elevation.quote("tab\there")).isEqualTo("\"tab\there\"");
    }

    @Test
    void restartUsesShutdownFromSystem32() {
        assertThat(ServerRestart.restartCommand(10, "c").get(0)).endsWith("\\System32\\shutdown.exe");
        assertThat(ServerRestart.restartCommand(10, "c")).containsSubsequence("/r", "/t", "600", "/d", "p:2:4", "/c", "c");
    }

    @Test
    void anImmediateRestartIsForcedSoAProgramWithUnsavedWorkCannotHoldItUp() {
        assertThat(ServerRestart.restartCommand(0, "c")).containsSubsequence("/r", "/f", "/t", "0");
        assertThat(ServerRestart.restartCommand(10, "c")).doesNotContain("/f"); // /t above 0 implies it
    }

    /** 1190 and 1116 are answers an admin meets; they read as plain sentences in English and Swedish, not numbers. */
    @Test
    void shutdownsKnownRefusalsAreExplainedInPlainWords() {
        ServerRestart.Result already = new ServerRestart.Result(1190, "A system shutdown has already been scheduled.(1190)");
        ServerRestart.Result nothing = new ServerRestart.Result(1116, "Unable to abort the system shutdown because no shutdown was in progress.(1116)");

        assertThat(already.succeeded()).isFalse();
        assertThat(nothing.succeeded()).as("no restart is scheduled, which is what a cancel wants").isTrue();
        Messages en = Messages.forLocale(Locale.ENGLISH);
        Messages sv = Messages.forLocale(Locale.forLanguageTag("sv"));
        assertThat(en.get(already.explanationKey().orElseThrow())).contains("already scheduled", "restart --cancel");
        assertThat(sv.get(already.explanationKey().orElseThrow())).contains("redan schemalagd");
        assertThat(en.get(nothing.explanationKey().orElseThrow())).contains("nothing to cancel");
        assertThat(sv.get(nothing.explanationKey().orElseThrow())).contains("inget att avbryta");
        assertThat(new ServerRestart.Result(5, "Access is denied.(5)").explanationKey()).isEmpty();
    }
}
