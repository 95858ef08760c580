package io.tlsdoctor.testpeers;

import java.io.IOException;

/**
 * The real peers of the unit tests, for installer/acceptance-test.sh, which runs the packaged app against them:
 * the private Postfix instance ({@link PostfixPeer}: TLS 1.2+, TLS 1.0 only, no STARTTLS, TLS 1.2 only) and dnsmasq
 * serving {@value #DOMAIN}'s MX (both MX hosts are 127.0.0.1). Prints one line {@code PEERS key=value ...} once all
 * answer, then runs until its standard input closes and stops them (so a killed script leaves nothing behind).
 */
public final class AcceptancePeersMain {

    static final String DOMAIN = "contoso.test";

    private AcceptancePeersMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        try (PostfixPeer postfix = PostfixPeer.start();
                DnsmasqPeer dns = DnsmasqPeer.start(
                        "--mx-host=" + DOMAIN + ",mx1." + DOMAIN + ",20",
                        "--mx-host=" + DOMAIN + ",mx2." + DOMAIN + ",10",
                        "--host-record=mx1." + DOMAIN + ",127.0.0.1",
                        "--host-record=mx2." + DOMAIN + ",127.0.0.1")) {
            System.out.println("PEERS modern=" + postfix.modernPort() + " legacy=" + postfix.legacyPort()
                    + " plain=" + postfix.plainPort() + " tls12=" + postfix.tls12OnlyPort() + " dns=" + dns.server()
                    + " domain=" + DOMAIN);
            System.out.flush();
            // until the script closes our standard input (or exits)
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
            System.out.println("PEERS stopping");
        }
        System.out.flush();
    }
}
