package io.tlsdoctor.testpeers;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A STARTTLS listener on loopback for the Windows CI job, where there is no Postfix: the unit tests' {@link FakeSmtpPeer}
 * (TLS 1.2 only, a self-signed certificate for localhost). Prints {@code PEER port=N} once it listens, then runs until
 * its standard input closes, so a job that ends or fails leaves nothing listening.
 */
public final class LoopbackStartTlsMain {

    private LoopbackStartTlsMain() {}

    public static void main(String[] args) throws IOException {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            System.out.println("PEER port=" + peer.port());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
            System.out.println("PEER stopping after " + peer.commands().size() + " commands");
        }
        System.out.flush();
    }
}
