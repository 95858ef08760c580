package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogsHeadStartTest {

    @Test
    void theHeadStartIsBegunOnlyForTheLogsSubcommandWhereverTheLanguageOptionStands() {
        assertThat(LogsHeadStart.subcommandOf(new String[] {"logs", "C:\\logs", "--json"}))
                .isEqualTo("logs");
        assertThat(LogsHeadStart.subcommandOf(new String[] {"--lang", "sv", "logs", "x"}))
                .isEqualTo("logs");
        assertThat(LogsHeadStart.subcommandOf(new String[] {"--lang=sv", "logs"}))
                .isEqualTo("logs");
        assertThat(LogsHeadStart.subcommandOf(new String[] {"diagnose", "--logs", "logs"}))
                .isEqualTo("diagnose");
        assertThat(LogsHeadStart.subcommandOf(new String[] {"--lang", "logs"})).isNull();
    }
}
