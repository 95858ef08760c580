package io.tlsdoctor.core.diagnosis;

/** Where the checks ran, which the summary states so a reader knows how far to trust "live" results. */
public enum CheckMode {
    /** On the Exchange server itself: live registry, handshakes leave from this machine. */
    LIVE,
    /** On another machine with files from the server (reg exports, protocol logs, pasted text). */
    OFFLINE
}
