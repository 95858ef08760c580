package io.tlsdoctor.core.logs;

/** Which connector type wrote a protocol log; it decides who sent what ({@code >} and {@code <}). */
public enum LogKind {
    /** SmtpSend: this server was the SMTP client ({@code >} are its commands). */
    SEND,
    /** SmtpReceive: this server was the SMTP server ({@code >} are its replies). */
    RECEIVE
}
