package io.tlsdoctor.core.fleet;

/**
 * The columns of the comparison, in the order a reader wants them: the TLS 1.2 bottom line first, what the servers
 * run last. Each has its title ({@code fleet.check.<NAME>}) and its phrase in a sentence ({@code fleet.whose.<NAME>})
 * in the message bundles.
 */
public enum FleetCheck {
    TLS12_CLIENT,
    TLS12_SERVER,
    LEGACY_TLS,
    DOTNET,
    WINHTTP,
    CIPHER_SUITES,
    OS,
    EXCHANGE,
    RESTART,
    HANDSHAKE
}
