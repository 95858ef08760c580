package io.tlsdoctor.core.registry;

/** The bottom line: does SChannel use TLS 1.2 by default for sending and for receiving; {@code null} = unknown. */
public record Tls12(Boolean client, Boolean server) {

    public Boolean forRole(Role role) {
        return role == Role.CLIENT ? client : server;
    }
}
