package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tlsdoctor.core.domain.Direction;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who wrote a report and who refused, and what that does to the direction of its lines. */
class MailRouteTest {

    private final EvidenceRecognizer recognizer = new EvidenceRecognizer(SymptomCatalog.load());

    @Test
    void oneCompanysTenantMailHostAndAddressesAreOneOrganisation() {
        assertThat(RouteReader.organisation("contoso.onmicrosoft.com")).isEqualTo("contoso");
        assertThat(RouteReader.organisation("contoso.mail.onmicrosoft.com")).isEqualTo("contoso");
        assertThat(RouteReader.organisation("mail.contoso.se")).isEqualTo("contoso");
        assertThat(RouteReader.organisation("smtp.contoso.co.uk")).isEqualTo("contoso");
        assertThat(RouteReader.organisation("mx01.lieferant-mueller.de")).isEqualTo("lieferant-mueller");
    }

    @Test
    void aTraceWithoutAGeneratingServerKeepsItsRulesDirection() {
        Recognition recognition = recognizer.recognize(
                EvidenceText.pasted(
                        "450 4.4.316 Connection refused [Message=Socket error code 10061] [LastAttemptedServerName=mail.contoso.com]"));

        assertThat(recognition.route().generatingServer()).isNull();
        assertThat(recognition.route().remoteHost()).isEqualTo("mail.contoso.com");
        assertThat(recognition.detections())
                .singleElement()
                .satisfies(d -> assertThat(d.direction()).isEqualTo(Direction.EXO_TO_ONPREM));
    }

    @Test
    void anExchangeOnlineReportWhoseRecipientCannotBePlacedIsAboutExchangeOnlineAndLessSure() {
        Recognition recognition = recognizer.recognize(EvidenceText.pasted("""
                Generating server: AM6PR08MB4502.eurprd08.prod.outlook.com
                someone@fabrikam-example.com
                Remote server returned '421 4.4.2 Connection dropped due to SocketError'
                """));

        assertThat(recognition.route().remote()).isEqualTo(MailRoute.Party.UNKNOWN);
        assertThat(recognition.route().notYourServer())
                .as("never 'not your server' without the evidence for it")
                .isFalse();
        assertThat(recognition.detections()).singleElement().satisfies(d -> {
            assertThat(d.direction())
                    .as("not on-premises to Exchange Online: Exchange Online wrote it")
                    .isEqualTo(Direction.EXO_TO_ONPREM);
            assertThat(d.confidence()).isLessThanOrEqualTo(0.6);
        });
    }

    @Test
    void hostileLinesAroundTheLabelsEndQuickly() {
        String hostile = "Generating server: " + "a-".repeat(200_000) + "\n"
                + "Remote server: " + "a.".repeat(200_000) + "\n"
                + "From: " + "x".repeat(200_000) + "@" + "\n"
                + "Final-Recipient: rfc822;" + "b".repeat(100_000) + "@" + "c.".repeat(100_000) + "\n"
                + ("Your message to " + "d@e".repeat(1_000) + "\n").repeat(2_000);
        java.util.List<LogicalLine> lines = TextNormalizer.normalize(hostile);
        RouteReader reader = new RouteReader(SymptomCatalog.load().routeHints());
        // ~50 ms on a loaded 2-core machine; the bound leaves room for a slow CI box, not for backtracking
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> reader.read(lines));
    }
}
