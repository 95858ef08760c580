package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A redacted summary can go to a vendor or a forum: no name of the customer's is left, and it still reads. */
class RedactionTest {

    /** Every name of the customer's and their partners' in the realistic case, in the forms they appear in. */
    static final List<String> ORIGINALS = List.of(
            "EX01",
            "EX02",
            "jdoe",
            "CONTOSO\\",
            "contoso",
            "fabrikam",
            "ex01.contoso.local",
            "mail.contoso.com",
            "autodiscover.contoso.com",
            "contoso-com",
            "alex.wilber",
            "Contoso Ltd",
            "104.47.22.138",
            "10.0.0.5",
            "10.20.1.15",
            "10.20.1.16",
            "198.51.100.20",
            "2001:db8:5::25");

    private static DiagnosisSummary original;
    private static DiagnosisSummary redacted;
    private static List<String> outputs;

    @BeforeAll
    static void build() {
        SampleCase sample = SampleCase.realistic();
        original = new SummaryBuilder()
                .build(sample.caseFile(), sample.conclusion(), Messages.forLocale(Languages.ENGLISH));
        redacted = original.redact();
        outputs = List.of(
                SummaryFormat.HTML.render(redacted),
                SummaryFormat.MARKDOWN.render(redacted),
                SummaryFormat.JSON.render(redacted));
    }

    @Test
    void theOriginalReallyHoldsTheNames() {
        String plain = SummaryFormat.JSON.render(original).toLowerCase(Locale.ROOT);
        assertThat(ORIGINALS)
                .allSatisfy(name ->
                        assertThat(plain).contains(name.toLowerCase(Locale.ROOT).replace("\\", "\\\\")));
    }

    @Test
    void noHostDomainAddressOrUserIsLeftInAnyFormat() {
        for (String output : outputs) {
            String lower = output.toLowerCase(Locale.ROOT);
            assertThat(ORIGINALS)
                    .allSatisfy(name -> assertThat(lower)
                            .as("%s in %s", name, output.substring(0, 20))
                            .doesNotContain(name.toLowerCase(Locale.ROOT).replace("\\", "\\\\"))
                            .doesNotContain(name.toLowerCase(Locale.ROOT)));
        }
        assertThat(redacted.redacted()).isTrue();
        assertThat(outputs.get(0)).contains("<p class=\"notice\">Redacted: host names, domains");
        assertThat(outputs.get(2)).contains("\"redacted\" : true");
    }

    @Test
    void theSameNameIsTheSamePlaceholderEverywhere() {
        assertThat(redacted.context().computerName()).isEqualTo("host-1");
        assertThat(redacted.context().userName()).matches("domain-\\d+\\\\user-1");
        // EX01 the computer, ex01 in its DNS name, EX01 in the receive connector's name and in its banner
        String inbound = redacted.handshakes().get(1).target();
        assertThat(inbound).matches("host-1\\.domain-\\d+:25");
        assertThat(redacted.handshakes().get(1).banner().get(0))
                .startsWith("220 " + inbound.replace(":25", "") + " Microsoft ESMTP");
        assertThat(redacted.logs().legacyPartners().get(0).connector()).isEqualTo("host-1\\Default Frontend host-1");
        // one address, one placeholder: the probe's, the log's remote and the pasted NDR's
        String exo = redacted.handshakes().get(0).ip();
        assertThat(exo).matches("ip-\\d+");
        assertThat(redacted.logs().remotes().get(0).remote()).isEqualTo(exo);
        assertThat(redacted.symptom().excerpts().get(0).lines().get(1).text())
                .contains("(" + exo + ")", "[LastAttemptedIP=" + exo + ":25]");
        // mail.contoso.com and contoso.com stay related: the tenant label of contoso.com is contoso.com's placeholder
        String certificateName = redacted.handshakes()
                .get(1)
                .certificate()
                .chain()
                .get(0)
                .alternativeNames()
                .get(0);
        assertThat(certificateName).matches("host-\\d+\\.domain-\\d+");
        String contosoCom = certificateName.substring(certificateName.indexOf('.') + 1);
        assertThat(redacted.handshakes().get(0).target()).isEqualTo(contosoCom + ".mail.protection.outlook.com:25");
        assertThat(redacted.handshakes().get(1).certificate().chain().get(0).subject())
                .startsWith("CN=" + certificateName + ", O=org-1,");
    }

    @Test
    void whatAReaderNeedsSurvives() {
        for (String output : outputs) {
            assertThat(output)
                    .contains(
                            "15.2.1544.4",
                            "17763.6893",
                            "TLS 1.2",
                            "TLSv1.2",
                            "TLS 1.0",
                            "421 4.4.2",
                            "Remote(SocketError)",
                            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                            "220 2.0.0 SMTP server ready",
                            "SCHANNEL\\Protocols\\TLS 1.2\\Client"
                                    .replace("\\", output.startsWith("{") ? "\\\\" : "\\"),
                            ".NETFramework",
                            "v4.0.30319",
                            "REG_DWORD 0x00000001 (1)",
                            "restore.reg",
                            "SEND20261127-1.LOG",
                            "AM4PEPF00027A5F.mail.protection.outlook.com",
                            "CN=mail.protection.outlook.com, O=Microsoft Corporation",
                            "DigiCert",
                            "Outbound to Office 365",
                            "2026-11-27");
        }
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        assertThat(redacted.redact()).isSameAs(redacted);
        assertThat(SummaryFormat.MARKDOWN.render(redacted)).isEqualTo(SummaryFormat.MARKDOWN.render(redacted.redact()));
    }
}
