package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line as the log shows it: an option named like a secret never reaches the file. */
class CommandForLogTest {

    @Test
    void aSecretLikeOptionsValueIsMaskedInBothSpellings() {
        assertThat(CommandForLog.of(new String[] {
                    "probe", "--host", "mail.contoso.com", "--smtp-password", "Hunter2!", "--api-key=abc123"
                }))
                .isEqualTo("probe --host mail.contoso.com --smtp-password ******** --api-key=********")
                .doesNotContain("Hunter2")
                .doesNotContain("abc123");
    }

    @Test
    void argumentsWithSpacesAreQuotedSoTheLineReadsBackAsTyped() {
        assertThat(CommandForLog.of(new String[] {"logs", "C:\\Program Files\\Exchange Logs", ""}))
                .isEqualTo("logs \"C:\\Program Files\\Exchange Logs\" \"\"");
    }
}
