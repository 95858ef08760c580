package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The name patterns on their own: what counts as a host, domain or address, and what only looks like one. */
class RedactorTest {

    private static UnaryOperator<String> scanned(String... texts) {
        Redactor.Placeholders names = new Redactor.Placeholders();
        names.tenants = true;
        for (String text : texts) {
            java.util.regex.Matcher m = Redactor.NAME.matcher(text);
            while (m.find()) {
                if (Redactor.looksLikeDomainName(m.group())) {
                    names.host(m.group());
                }
            }
            for (java.util.regex.Pattern p : new java.util.regex.Pattern[] {Redactor.IPV4, Redactor.IPV6}) {
                m = p.matcher(text);
                while (m.find()) {
                    if (p == Redactor.IPV4 || Redactor.isIpv6(m.group())) {
                        names.ip(m.group());
                    }
                }
            }
            m = Redactor.EMAIL.matcher(text);
            while (m.find()) {
                names.email(m.group(1), m.group(2));
            }
        }
        return names.rewriter();
    }

    @Test
    void addressesOfBothFamiliesAreFoundAndBuildNumbersAreNot() {
        String text =
                "from [10.20.1.15] and [2001:db8:5::25]:53000 and fe80::4d1a:22b1:9c3e:7a10%12, Exchange 15.2.1544.4,"
                        + " OS 10.0.17763.6893, .NET v4.0.30319, at 10:00:00.900Z, thumbprint AB:CD:EF:01:23:45:67:89:AB:CD, loopback 127.0.0.1 ::1";

        String out = scanned(text).apply(text);

        assertThat(out)
                .isEqualTo(
                        "from [ip-1] and [ip-2]:53000 and ip-3%12, Exchange 15.2.1544.4,"
                                + " OS 10.0.17763.6893, .NET v4.0.30319, at 10:00:00.900Z, thumbprint AB:CD:EF:01:23:45:67:89:AB:CD, loopback 127.0.0.1 ::1");
    }

    @Test
    void namesAreReplacedLongestFirstAndFileNamesAreNotNames() {
        String text =
                "mail.contoso.com, contoso.com, MAIL.CONTOSO.COM, ex01.corp.contoso.co.uk, restore.reg, SEND20261127-1.LOG,"
                        + " System.Net, tls12.client, smtp.office365.com, contoso-com.mail.protection.outlook.com,"
                        + " BN8NAM12FT045.mail.protection.outlook.com, megan.bowen@contoso.com";

        String out = scanned(text).apply(text);

        assertThat(out)
                .isEqualTo(
                        "host-1.domain-1, domain-1, host-1.domain-1, host-2.host-3.domain-2, restore.reg, SEND20261127-1.LOG,"
                                + " System.Net, tls12.client, smtp.office365.com, domain-1.mail.protection.outlook.com,"
                                + " BN8NAM12FT045.mail.protection.outlook.com, user-1@domain-1");
    }

    @Test
    void aServerNamedLikeAWordDoesNotBreakMicrosoftNames() {
        Redactor.Placeholders names = new Redactor.Placeholders();
        names.tenants = true;
        names.host("MAIL");
        names.account("MAIL\\Administrator"); // a local account of the server itself

        String out = names.rewriter()
                .apply(
                        "MAIL\\Administrator on MAIL: 220 mail.protection.outlook.com Microsoft ESMTP MAIL Service ready.");

        assertThat(out)
                .isEqualTo(
                        "host-1\\Administrator on host-1: 220 mail.protection.outlook.com Microsoft ESMTP host-1 Service ready.");
    }

    @Test
    void addressesAfterALabelAndAColonAreFound() {
        String text = "SAN IP:2001:db8:10:0:0:0:0:25, EHLO [IPv6:2001:db8::7], IP:10.40.2.17, agent version 10.40.2.19";

        String out = scanned(text).apply(text);

        assertThat(out).isEqualTo("SAN IP:ip-3, EHLO [IPv6:ip-4], IP:ip-1, agent version ip-2"); // IPv4 found first
    }

    @Test
    void ipv6IsValidatedNotJustColonSeparated() {
        assertThat(Redactor.isIpv6("2001:db8::5")).isTrue();
        assertThat(Redactor.isIpv6("::ffff:10.0.0.5")).isTrue();
        assertThat(Redactor.isIpv6("2001:0db8:0000:0000:0000:ff00:0042:8329")).isTrue();
        assertThat(Redactor.isIpv6("10:00:00")).isFalse();
        assertThat(Redactor.isIpv6("00:1a:2b:3c:4d:5e")).isFalse();
        assertThat(Redactor.isIpv6("1::2::3")).isFalse();
        assertThat(Redactor.isIpv6("12345::1")).isFalse();
    }
}
