package io.tlsdoctor.platform.windows;

import org.junit.jupiter.api.Test;

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
}
