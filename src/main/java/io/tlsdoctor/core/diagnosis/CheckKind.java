package io.tlsdoctor.core.diagnosis;

/** The checks a diagnosis can draw on, in the order the guided path runs them. Names are a public contract (JSON). */
public enum CheckKind {
    /** What the user picked or pasted, as recognised. */
    SYMPTOM,
    /** This server's SChannel and .NET settings (live or from reg exports). */
    REGISTRY,
    /** STARTTLS handshakes from here to Exchange Online (what this server's sending side meets). */
    PROBE_OUTBOUND,
    /** STARTTLS handshakes to this server's own receive connector (what Exchange Online meets). */
    PROBE_INBOUND,
    /** The Send and Receive connector protocol logs. */
    LOGS,
    /** Exchange's connectors and certificates (saved cmdlet output, or live through the Exchange Management Shell). */
    CONNECTORS,
    /** The registry change made with TLS Doctor, if any. */
    FIX,
    /** Whether a restart is still needed for the settings to take effect. */
    RESTART
}
