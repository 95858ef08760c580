package io.tlsdoctor.testpeers;

import io.tlsdoctor.core.probe.LegacyProbeMain;
import java.security.Security;

/**
 * A legacy-only SMTP peer (TLS 1.0 and nothing else) for the tests. Java 17 disables TLS 1.0 for servers too, so this
 * runs in a child JVM that relaxes the setting before JSSE starts, like the probe's own child does. Prints
 * {@code PORT n} once listening and exits when its stdin closes.
 */
public final class LegacySmtpPeerMain {

    private LegacySmtpPeerMain() {}

    public static void main(String[] args) throws Exception {
        Security.setProperty(
                LegacyProbeMain.PROPERTY, LegacyProbeMain.relaxed(Security.getProperty(LegacyProbeMain.PROPERTY)));
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().protocols("TLSv1").start()) {
            System.out.println("PORT " + peer.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to close our stdin
            }
        }
        System.exit(0);
    }
}
