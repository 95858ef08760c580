package io.tlsdoctor.core.probe;

/** One MX record of a domain: lower preference is tried first by senders. */
public record MxRecord(int preference, String host) {}
