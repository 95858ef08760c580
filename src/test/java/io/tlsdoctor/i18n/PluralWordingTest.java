package io.tlsdoctor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Counts read as a person would write them: "1 warning", "2 warnings", "no warnings", never "warning(s)". A helpdesk
 * user pastes these sentences into tickets; "varning(ar)" looks like a bug to them.
 */
class PluralWordingTest {

    private static final Messages ENGLISH = Messages.forLocale(Languages.ENGLISH);
    private static final Messages SWEDISH = Messages.forLocale(Languages.SWEDISH);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | 0 to fix, 0 warnings, 0 passed. | 0 att åtgärda, 0 varningar, 0 godkända.",
                "1 | 1 to fix, 1 warning, 1 passed.  | 1 att åtgärda, 1 varning, 1 godkänd.",
                "3 | 3 to fix, 3 warnings, 3 passed. | 3 att åtgärda, 3 varningar, 3 godkända."
            })
    void summaryCheckLine(long n, String english, String swedish) {
        assertThat(ENGLISH.get("summary.check.connectors.result", n, n, n)).isEqualTo(english);
        assertThat(SWEDISH.get("summary.check.connectors.result", n, n, n)).isEqualTo(swedish);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | (1 finding to fix, no warnings)  | (1 fynd att åtgärda, inga varningar)",
                "1 | (1 finding to fix, 1 warning)    | (1 fynd att åtgärda, 1 varning)",
                "2 | (1 finding to fix, 2 warnings)   | (1 fynd att åtgärda, 2 varningar)"
            })
    void commandLineBottomLineOfACertificateOrConnectorProblem(int warnings, String english, String swedish) {
        for (String area : new String[] {"CERTIFICATE", "CONNECTOR"}) {
            assertThat(ENGLISH.get("cli.connectors.bottom." + area, 1, warnings))
                    .as(area)
                    .contains(english);
            assertThat(SWEDISH.get("cli.connectors.bottom." + area, 1, warnings))
                    .as(area)
                    .contains(swedish);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 | but 1 warning needs a look.  | men 1 varning behöver ses över.",
                "4 | but 4 warnings need a look.  | men 4 varningar behöver ses över."
            })
    void warningsOnly(int warnings, String english, String swedish) {
        assertThat(ENGLISH.get("cli.connectors.bottom.warnings", warnings)).endsWith(english);
        assertThat(SWEDISH.get("cli.connectors.bottom.warnings", warnings)).endsWith(swedish);
        assertThat(ENGLISH.get("step.connectors.verdict.WARNINGS", 0, warnings)).endsWith(english);
        assertThat(SWEDISH.get("step.connectors.verdict.WARNINGS", 0, warnings)).endsWith(swedish);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1 | 1 object in the output was neither a connector nor a certificate and was passed over. "
                        + "| 1 objekt i utdata var varken en anslutning eller ett certifikat och hoppades över.",
                "5 | 5 objects in the output were neither connectors nor certificates and were passed over. "
                        + "| 5 objekt i utdata var varken anslutningar eller certifikat och hoppades över."
            })
    void unknownObjectsCountedAsTheReaderCarriesIt(String count, String english, String swedish) {
        // the note carries its count as text (ReadNote's arguments are strings)
        assertThat(ENGLISH.get("connectors.note.unknownObjects", count)).isEqualTo(english);
        assertThat(SWEDISH.get("connectors.note.unknownObjects", count)).isEqualTo(swedish);
    }
}
