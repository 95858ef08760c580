package io.tlsdoctor.core.probe;

/**
 * One SMTP endpoint to test. {@code mxDomain}/{@code mxPreference} are set when it came from an MX lookup;
 * {@code lookupProblem} when that lookup failed, so the target reports the failure in its DNS step.
 */
public record ProbeTarget(String host, int port, String mxDomain, Integer mxPreference, Detail lookupProblem) {

    public static ProbeTarget direct(String host, int port) {
        return new ProbeTarget(host, port, null, null, null);
    }

    public String display() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
