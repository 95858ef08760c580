package io.tlsdoctor.core.probe;

/** The protocol-matrix cell for one version: the outcome, the cipher when accepted, and the reason in words. */
public record VersionResult(TlsVersion version, VersionOutcome outcome, String cipher, Detail detail) {}
