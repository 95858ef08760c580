package io.tlsdoctor.core.registry;

/**
 * One protocol, both sides.
 *
 * @param label HealthChecker's label; {@code null} for SSL (HealthChecker never reads it) or when a side was not exported
 */
public record ProtocolResult(Protocol protocol, HealthCheckerLabel label, SideResult client, SideResult server) {

    public SideResult side(Role role) {
        return role == Role.CLIENT ? client : server;
    }
}
