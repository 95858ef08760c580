package io.tlsdoctor.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one reading of a typed target that the wizard's fields and the command line's --host share. */
class TargetTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "mail.contoso.com             | mail.contoso.com | 25",
                "mail.contoso.com:587         | mail.contoso.com | 587",
                "127.0.0.1:2525               | 127.0.0.1        | 2525",
                "[2001:db8::25]:26            | 2001:db8::25     | 26",
                "2001:db8::25                 | 2001:db8::25     | 25",
                "' smarthost.contoso.local '  | smarthost.contoso.local | 25"
            })
    void readsWhatAdminsType(String text, String host, int port) {
        TargetText parsed = TargetText.parse(text, 25);

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.target().host()).isEqualTo(host);
        assertThat(parsed.target().port()).isEqualTo(port);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "smtp://mail.contoso.com | HOST",
                "mail contoso com        | HOST",
                "[2001:db8::25           | HOST",
                "[2001:db8::25]x         | HOST",
                "mail.contoso.com:99999  | PORT",
                "mail.contoso.com:0      | PORT",
                "mail.contoso.com:       | PORT",
                "mail.contoso.com:smtp   | PORT"
            })
    void saysWhichPartIsWrong(String text, TargetText.Problem problem) {
        TargetText parsed = TargetText.parse(text, 25);

        assertThat(parsed.target()).isNull();
        assertThat(parsed.problem()).isEqualTo(problem);
    }
}
