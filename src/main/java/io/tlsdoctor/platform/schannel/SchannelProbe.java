package io.tlsdoctor.platform.schannel;

import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The STARTTLS handshake through Windows' own SChannel, which is exactly what Exchange negotiates with this
 * machine's registry settings; it ties the wire to the registry verdict. Elsewhere it says plainly why it is not
 * available, and nothing is reported in its place.
 */
public interface SchannelProbe {

    /** The outcome of one handshake to {@code host:port}, as a finding shown next to the Java results. */
    ProbeFinding handshake(String host, int port, Duration timeout);

    /**
     * The handshake made on {@code server} through PowerShell remoting, so it is that server's SChannel; off Windows
     * it says plainly that it cannot be tried from here.
     */
    static SchannelProbe onServer(String server) {
        String os = System.getProperty("os.name", "?");
        if (os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new RemoteSchannelProbe(server);
        }
        return (host, port, timeout) -> new ProbeFinding(
                "schannelUnavailable", Severity.INFO, new Detail("probe.finding.schannelUnavailable", List.of(os)));
    }

    static SchannelProbe forThisMachine() {
        String os = System.getProperty("os.name", "?");
        if (os.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return new PowerShellSchannelProbe();
        }
        return (host, port, timeout) -> new ProbeFinding(
                "schannelUnavailable", Severity.INFO, new Detail("probe.finding.schannelUnavailable", List.of(os)));
    }
}
