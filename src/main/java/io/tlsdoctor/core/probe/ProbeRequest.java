package io.tlsdoctor.core.probe;

import java.util.List;

/** What to probe: hosts given directly (each with its port), or the MX hosts of a domain on port 25. */
public record ProbeRequest(List<ProbeTarget> hosts, String mxDomain, int mxPort) {

    public ProbeRequest {
        hosts = List.copyOf(hosts);
    }

    public static ProbeRequest hosts(List<ProbeTarget> hosts) {
        return new ProbeRequest(hosts, null, 25);
    }

    public static ProbeRequest mx(String domain, int port) {
        return new ProbeRequest(List.of(), domain, port);
    }
}
