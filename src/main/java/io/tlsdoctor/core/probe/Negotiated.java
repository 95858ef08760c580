package io.tlsdoctor.core.probe;

/** What the full handshake (this JVM's default offer: TLS 1.2 and 1.3) agreed on. */
public record Negotiated(String protocol, String cipher) {}
