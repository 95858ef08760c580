package io.tlsdoctor.core.fleet;

import java.time.Duration;

/**
 * Reads one server from where TLS Doctor runs: on Windows through the remote registry and PowerShell remoting with
 * the user's own sign-in, and in tests, benchmarks and off Windows through the offline twin that reads snapshot
 * folders. Implementations live in the platform layer.
 */
public interface ServerCollector {

    /**
     * Reads {@code server}. Must answer to interruption (the deadline and cancel interrupt it), and should give up by
     * itself near {@code deadline}.
     *
     * @throws CollectFailure the server could not be read, with what to do about it
     */
    ServerSnapshot collect(String server, Duration deadline) throws CollectFailure, InterruptedException;
}
