package io.tlsdoctor.core.probe;

import io.tlsdoctor.core.domain.Direction;
import java.time.Duration;

/**
 * How to probe: which way the mail flows (it decides how results are explained), the deadlines, and an optional DNS
 * server. Defaults: 10 s to connect, 30 s per target in all.
 *
 * @param legacyVersions whether TLS 1.0/1.1 are tried (in the child JVM); without, they are reported as not tested by
 *                       us, never as refused (always true in the application; tests turn it off)
 */
public record ProbeOptions(
        Direction direction,
        Duration connectTimeout,
        Duration targetTimeout,
        DnsServer dnsServer,
        boolean legacyVersions) {

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TARGET = Duration.ofSeconds(30);

    public ProbeOptions {
        if (direction != Direction.EXO_TO_ONPREM) {
            direction = Direction.ONPREM_TO_EXO;
        }
        if (connectTimeout.compareTo(targetTimeout) > 0) {
            connectTimeout = targetTimeout;
        }
    }

    public static ProbeOptions defaults(Direction direction) {
        return new ProbeOptions(direction, DEFAULT_CONNECT, DEFAULT_TARGET, null, true);
    }

    public ProbeOptions withTimeouts(Duration connect, Duration target) {
        return new ProbeOptions(direction, connect, target, dnsServer, legacyVersions);
    }

    public ProbeOptions withDnsServer(DnsServer server) {
        return new ProbeOptions(direction, connectTimeout, targetTimeout, server, legacyVersions);
    }
}
