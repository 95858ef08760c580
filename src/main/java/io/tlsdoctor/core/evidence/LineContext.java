package io.tlsdoctor.core.evidence;

/** Where a line of evidence was seen; the same SMTP text means different things in different places. */
enum LineContext {
    /** A row of a Send connector protocol log (this server was the client). */
    PROTOCOL_LOG_SEND,
    /** A row of a Receive connector protocol log (this server was the server). */
    PROTOCOL_LOG_RECEIVE,
    /** A protocol-log row whose log type cannot be told. */
    PROTOCOL_LOG,
    /** Get-Queue / Get-Message output, Queue Viewer's Last Error. */
    QUEUE,
    /** A non-delivery report or delay notification. */
    NDR,
    /** Nothing says where it came from. */
    UNKNOWN;

    boolean isProtocolLog() {
        return this == PROTOCOL_LOG_SEND || this == PROTOCOL_LOG_RECEIVE || this == PROTOCOL_LOG;
    }
}
