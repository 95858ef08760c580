package io.tlsdoctor.core.diagnosis;

import static io.tlsdoctor.core.diagnosis.Cases.chain;
import static io.tlsdoctor.core.diagnosis.Cases.nextSteps;
import static io.tlsdoctor.core.diagnosis.Cases.recognise;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.MailRoute;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.text.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NDR that Exchange Online wrote about mail it could not hand to another organisation: the verdict says plainly
 * that the user's server was not involved, and nothing leads into this server's checks or its registry fix.
 */
class NotYourServerTest {

    private static final String EXO_NDR_TO_GMAIL = """
            Your message to jonas.berg@gmail.com couldn't be delivered.

            Diagnostic information for administrators:

            Generating server: DB9PR04MB8123.eurprd04.prod.outlook.com

            jonas.berg@gmail.com
            Remote server returned '550 5.4.300 Message expired -> 421 4.4.2 Connection dropped due to SocketError'

            Original message headers:

            From: Maria Lindqvist <maria.lindqvist@contoso.com>
            """;

    private final DiagnosisEngine engine = new DiagnosisEngine();

    @TempDir
    Path dir;

    @Test
    void theRecognitionNamesWhoWroteTheReportWhoRefusedAndTheDirection() {
        Recognition recognition = recognise(EXO_NDR_TO_GMAIL);

        assertThat(recognition.route())
                .isEqualTo(new MailRoute(
                        "DB9PR04MB8123.eurprd04.prod.outlook.com",
                        MailRoute.Party.EXCHANGE_ONLINE,
                        "gmail.com",
                        MailRoute.Party.THIRD_PARTY));
        assertThat(recognition.route().notYourServer()).isTrue();
        assertThat(recognition.detections()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(SymptomCode.NDR_421_SOCKET_ERROR);
            assertThat(d.direction()).isEqualTo(Direction.EXO_TO_EXTERNAL);
        });
    }

    @Test
    void theSameTextWrittenByTheOnPremisesServerIsStillAboutSendingToExchangeOnline() {
        Recognition recognition =
                recognise(EXO_NDR_TO_GMAIL.replace("DB9PR04MB8123.eurprd04.prod.outlook.com", "EX01.corp.contoso.com"));

        assertThat(recognition.route().generatedBy()).isEqualTo(MailRoute.Party.YOUR_ORGANISATION);
        assertThat(recognition.route().notYourServer()).isFalse();
        assertThat(recognition.detections())
                .singleElement()
                .satisfies(d -> assertThat(d.direction()).isEqualTo(Direction.ONPREM_TO_EXO));
    }

    @Test
    void theVerdictSaysNotYourServerWithTheRemoteAndOffersNoRegistryFixEvenWithTls12Off() throws Exception {
        // TLS 1.2 off on this server would otherwise make the registry the cause: it must not, here.
        CaseFile file = Cases.caseFile(recognise(EXO_NDR_TO_GMAIL), Cases.registry(dir, false, false), List.of(), null);

        Conclusion conclusion = engine.conclude(file);

        assertThat(conclusion.cause()).isEqualTo(Cause.NOT_YOUR_SERVER);
        assertThat(conclusion.registryFix()).isFalse();
        assertThat(conclusion.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(chain(conclusion))
                .contains(
                        "SUPPORTS SYMPTOM: Exchange Online could not deliver to gmail.com; "
                                + "your on-premises server was not involved (the report was written by DB9PR04MB8123.eurprd04.prod.outlook.com).");
        assertThat(nextSteps(conclusion))
                .startsWith("Tell the receiving organisation that its server gmail.com")
                .contains("message trace")
                .contains("no registry fix");
        assertThat(chain(conclusion)).as("no check of this server is owed").doesNotContain("Not checked");
    }

    @Test
    void thePlanSkipsThisServersChecksEachWithItsReasonInBothLanguages() {
        CheckPlan plan = engine.plan(null, recognise(EXO_NDR_TO_GMAIL), Direction.UNKNOWN);

        assertThat(plan.direction()).isEqualTo(Direction.EXO_TO_EXTERNAL);
        assertThat(plan.checks()).extracting(PlannedCheck::kind).containsExactly(CheckKind.SYMPTOM);
        assertThat(plan.skipped())
                .extracting(SkippedCheck::kind)
                .containsExactly(CheckKind.REGISTRY, CheckKind.PROBE_OUTBOUND, CheckKind.PROBE_INBOUND, CheckKind.LOGS);
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            Messages messages = Messages.forLocale(locale);
            for (String key : List.of(
                    "diagnosis.cause.NOT_YOUR_SERVER.title",
                    "diagnosis.cause.NOT_YOUR_SERVER.explanation",
                    "diagnosis.notYourServer.route",
                    "direction.EXO_TO_EXTERNAL",
                    "direction.detail.EXO_TO_EXTERNAL")) {
                assertThat(messages.has(key)).as("%s in %s", key, locale).isTrue();
            }
        }
    }

    @Test
    void anSmtpAuthSignInRefusalPointsAtTheAccountNotAtTls() {
        Conclusion conclusion = engine.conclude(Cases.caseFile(
                recognise(
                        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy."),
                null,
                List.of(),
                null));

        assertThat(conclusion.cause()).isEqualTo(Cause.CLIENT_SUBMISSION);
        assertThat(nextSteps(conclusion))
                .startsWith("Check the account's sign-in in Microsoft 365")
                .doesNotContain("TLS 1.2 with STARTTLS on port 587");
    }
}
